/**
 * The common ending of every benchmark, so they all report the same way: the figures as one JSON line on stdout, a
 * line on stderr for each target missed, and the exit code a script or CI can act on.
 * - 0: every target met;
 * - 1: a target missed (the figures are still printed);
 * - 2: the run itself failed (its stack on stderr), so a crash is never read as a slow run.
 * It exits explicitly: a benchmark may leave sockets, workers or child processes behind that would keep Node alive.
 */

export interface BenchResult {
  /** What was measured, printed as one JSON line. */
  figures: Record<string, unknown>;
  /** Each target in words, with the measured value where it helps ("median 3.1 ms <= 5 ms"), and whether it was met. */
  targets: Record<string, boolean>;
}

/** Runs `measure` and reports its result (see the module comment). `name` prefixes the lines on stderr. */
export function runBench(name: string, measure: () => BenchResult | Promise<BenchResult>): void {
  const prefix = `[bench:${name}]`;
  Promise.resolve()
    .then(measure)
    .then(
      ({ figures, targets }) => {
        process.stdout.write(`${JSON.stringify(figures)}\n`);
        const missed = Object.entries(targets)
          .filter(([, met]) => !met)
          .map(([target]) => target);
        for (const target of missed) process.stderr.write(`${prefix} target missed: ${target}\n`);
        process.exit(missed.length > 0 ? 1 : 0);
      },
      (error: unknown) => {
        process.stderr.write(`${prefix} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(2);
      },
    );
}

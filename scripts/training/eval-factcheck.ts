/**
 * Scores the fact checker on a planted-claims set and prints one JSON line {"n","recall","precision"}.
 * Usage: npm run -s eval:factcheck [-- FILE.jsonl] [--verbose]. Default file: shared/datasets/factcheck/planted.jsonl.
 * A flag is correct when its span overlaps an expected unsupported substring. Exits 1 below recall 0.95 or
 * precision 0.90, 2 on unreadable input. --verbose lists misses and wrong flags on stderr.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { factCheck } from '../../shared/common/factcheck/check';
import { evaluateFactCheck, parsePlantedJsonl } from '../../shared/common/factcheck/metrics';

const TARGET_RECALL = 0.95;
const TARGET_PRECISION = 0.9;

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const fileArg = args.find((a) => !a.startsWith('--'));
const file = resolve(fileArg ?? resolve(import.meta.dirname, '../../shared/datasets/factcheck/planted.jsonl'));

let cases;
try {
  cases = parsePlantedJsonl(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`eval:factcheck: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}

const result = evaluateFactCheck(cases, (draft, grounding) => factCheck(draft, grounding).unsupported);
const round = (x: number): number => Math.round(x * 10_000) / 10_000;
console.log(JSON.stringify({ n: result.n, recall: round(result.recall), precision: round(result.precision) }));
if (verbose) {
  console.error(
    `expected=${result.expected} expectedFlagged=${result.expectedFlagged} flags=${result.flags} correctFlags=${result.correctFlags}`,
  );
  for (const c of result.cases)
    console.error(`${c.id}\tmissed=${JSON.stringify(c.missed)}\twrong=${JSON.stringify(c.wrongFlags)}`);
}
if (result.recall < TARGET_RECALL || result.precision < TARGET_PRECISION) process.exit(1);

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a one-line benchmark through the runner in its own Node process (the runner exits the process). */
function bench(body: string) {
  const runner = new URL('./runner.ts', import.meta.url).pathname;
  const code = `import { runBench } from ${JSON.stringify(runner)}; runBench('t', ${body});`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('runBench', () => {
  it('prints the figures as one JSON line and exits 0 when every target is met', () => {
    const r = bench(`async () => ({ figures: { ms: 3 }, targets: { 'ms 3 <= 5': true } })`);
    expect(r).toMatchObject({ status: 0, stdout: '{"ms":3}\n', stderr: '' });
  });

  it('still prints the figures, names each missed target and exits 1', () => {
    const r = bench(`() => ({ figures: { ms: 9 }, targets: { 'ms 9 <= 5': false, 'errors 0 = 0': true } })`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('{"ms":9}\n');
    expect(r.stderr).toBe('[bench:t] target missed: ms 9 <= 5\n');
  });

  it('exits 2 with the stack when the run itself fails, printing no figures', () => {
    const r = bench(`async () => { throw new Error('sandbox did not start'); }`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[bench:t] Error: sandbox did not start');
  });
});

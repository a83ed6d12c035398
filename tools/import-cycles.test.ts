import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImportGraph, describeCycles, findCycles, listSourceFiles } from './import-cycles';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('import cycles', () => {
  it('the repository has none, type-only imports included', () => {
    const files = listSourceFiles(repoRoot);
    // A walk that found nothing would pass vacuously.
    expect(files.length).toBeGreaterThan(500);
    const graph = buildImportGraph(repoRoot, files, join(repoRoot, 'tsconfig.json'));
    expect(describeCycles(repoRoot, findCycles(graph))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function plant(files: Record<string, string>): string[] {
    dir = mkdtempSync(join(tmpdir(), 'closer-cycles-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const graph = buildImportGraph(dir, listSourceFiles(dir));
    return describeCycles(dir, findCycles(graph));
  }

  it('finds a loop made only of type-only imports and re-exports', () => {
    const cycles = plant({
      'a/one.ts': "import type { Two } from '../b/two';\nexport interface One { two: Two }\n",
      'b/two.ts': "export type { Three as Two } from './three';\n",
      'b/three.ts': "export type Three = import('../a/one').One;\n",
      'c/free.ts': "import type { One } from '../a/one';\nexport type Free = One;\n",
    });
    expect(cycles).toEqual(['a/one.ts -> b/two.ts -> b/three.ts -> a/one.ts']);
  });

  it('names one loop per knot and says how many modules it ties', () => {
    const cycles = plant({
      'hub.ts': "import './left';\nimport './right';\n",
      'left.tsx': "export { x } from './hub';\n",
      'right.ts': "const lazy = () => import('./hub');\nexport default lazy;\n",
      'self.ts': "import './self';\n",
    });
    expect(cycles).toEqual([
      'hub.ts -> left.tsx -> hub.ts (one loop of a knot of 3: hub.ts, left.tsx, right.ts)',
      'self.ts -> self.ts',
    ]);
  });

  it('reports nothing for a tree, even with shared leaves', () => {
    const cycles = plant({
      'top.ts': "import './mid';\nimport './leaf';\n",
      'mid.ts': "import './leaf';\n",
      'leaf.ts': 'export const leaf = 1;\n',
    });
    expect(cycles).toEqual([]);
  });
});

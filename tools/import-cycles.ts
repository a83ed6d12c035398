import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Import-cycle finder over the repository's TypeScript, built on the compiler's own parser and module resolution so
 * that what it follows is what `tsc` and the bundler follow. Every edge counts, type-only ones included: a type-only
 * cycle compiles, but it still ties two modules so neither can move or be read without the other.
 */

/** Folders that hold build output, dependencies or data rather than source. */
const skippedDirs = new Set([
  'node_modules',
  '.git',
  '.output',
  '.wxt',
  'dist',
  'coverage',
  'test-results',
  'artifacts',
  '.data',
]);

const sourceFile = /\.(ts|tsx|mts|cts)$/;

/** Every TypeScript source file under `dir` (declaration files included: they can import too). */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name)) out.push(...listSourceFiles(join(dir, entry.name)));
    } else if (entry.isFile() && sourceFile.test(entry.name)) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

/** Module specifiers a file names: imports and re-exports (type-only too), `import x = require()`, `import()`. */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export type ImportGraph = Map<string, string[]>;

/**
 * The graph of in-repository imports between `files`, resolved with the compiler options of `tsconfigPath` (paths
 * aliases, bundler resolution). Imports that resolve outside `root` or into `node_modules` are left out.
 */
export function buildImportGraph(root: string, files: string[], tsconfigPath?: string): ImportGraph {
  const options = tsconfigPath ? readCompilerOptions(tsconfigPath) : defaultOptions;
  const rootAbs = resolve(root) + sep;
  const known = new Set(files.map((f) => resolve(f)));
  const host = ts.createCompilerHost(options);
  const cache = ts.createModuleResolutionCache(process.cwd(), (s) => s, options);
  const graph: ImportGraph = new Map();
  for (const file of known) {
    const targets = new Set<string>();
    for (const specifier of moduleSpecifiers(file, readFileSync(file, 'utf8'))) {
      const resolved = ts.resolveModuleName(specifier, file, options, host, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = resolve(resolved.resolvedFileName);
      if (target.startsWith(rootAbs) && known.has(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

const defaultOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

function readCompilerOptions(tsconfigPath: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(`cannot read ${tsconfigPath}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfigPath}`);
  // Files the project's tsconfig leaves out (the HubSpot card packages) still resolve their relative imports the
  // same way; allowing `.ts` extensions in specifiers only widens what resolves, never what an import means.
  return { ...parsed.options, allowImportingTsExtensions: true };
}

/**
 * The strongly connected components of more than one module (or a module importing itself), each with one concrete
 * loop through it, starting at its alphabetically first module. Tarjan's algorithm, iterative so a deep
 * import chain cannot overflow the stack.
 */
export interface ImportCycle {
  /** Every module in the strongly connected component. */
  members: string[];
  /** One concrete loop through it, first module repeated at the end. */
  path: string[];
}

export function findCycles(graph: ImportGraph): ImportCycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && edges.includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components
    .map((c) => ({ members: c.sort(), path: cycleThrough(graph, new Set(c)) }))
    .sort((a, b) => a.path[0]!.localeCompare(b.path[0]!));
}

/** A shortest path from the component's first module back to itself, staying inside the component. */
function cycleThrough(graph: ImportGraph, members: Set<string>): string[] {
  const start = [...members].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Cycles as lines of repository-relative paths: `a.ts -> b.ts -> a.ts`, with the size of the knot when larger. */
export function describeCycles(root: string, cycles: ImportCycle[]): string[] {
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  return cycles.map(({ path, members }) => {
    const line = path.map(rel).join(' -> ');
    if (members.length <= path.length - 1) return line;
    return `${line} (one loop of a knot of ${members.length}: ${members.map(rel).join(', ')})`;
  });
}

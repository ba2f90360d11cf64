// Issue 12 ("Untangle the imports"): the top-level folders of src/ form a layered graph.
// An edge A -> B exists when a file under src/A imports a file under src/B. A cycle in that graph
// means two folders can't be understood (or moved) without each other, so the test fails on any.
// It also fails on file-level import cycles. No dependency: a regex walk over the import specifiers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Folders outside the server's import graph (the browser app has its own tsconfig). */
const IGNORED_TOP = new Set(['web']);

export interface ImportGraph {
  files: Map<string, string[]>; // file (relative to src, posix) -> imported files (same form)
}

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const SPECIFIER =
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import/export-from/dynamic-import specifier in a source text. */
export function importSpecifiers(text: string): string[] {
  // Strip comments so commented-out imports don't count (keeps string contents intact enough for specifiers).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2];
    if (spec && spec.startsWith('.')) out.push(spec);
  }
  return out;
}

function resolveSpecifier(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  for (const c of candidates) if (c.endsWith('.ts') && existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

const rel = (p: string): string => relative(SRC, p).split(sep).join('/');

export function buildGraph(root = SRC): ImportGraph {
  const files = new Map<string, string[]>();
  for (const file of walk(root, [])) {
    const deps: string[] = [];
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, spec);
      if (target) deps.push(rel(target));
    }
    files.set(rel(file), deps);
  }
  return { files };
}

const topFolder = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

/** Folder graph edges with one example file import each, e.g. "analyzers -> services". */
export function folderEdges(graph: ImportGraph): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, deps] of graph.files) {
    const a = topFolder(file);
    if (IGNORED_TOP.has(a)) continue;
    for (const dep of deps) {
      const b = topFolder(dep);
      if (a === b || IGNORED_TOP.has(b)) continue;
      const out = edges.get(a) ?? new Map<string, string>();
      if (!out.has(b)) out.set(b, `${file} -> ${dep}`);
      edges.set(a, out);
    }
  }
  return edges;
}

/** Strongly connected components with more than one node (Tarjan). */
export function cycles(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const n of nodes) if (!idx.has(n)) strong(n);
  return out;
}

test('the import scanner sees static, re-export, type-only and dynamic imports', () => {
  const text = [
    "import { a } from './a.js';",
    "import type { B } from '../b.js';",
    "export { c } from './c.js';",
    "export * from './d.js';",
    "import './side-effect.js';",
    "const m = await import('./lazy.js');",
    "import fs from 'node:fs';",
    "// import { no } from './commented.js';",
  ].join('\n');
  assert.deepEqual(importSpecifiers(text), ['./a.js', '../b.js', './c.js', './d.js', './side-effect.js', './lazy.js']);
});

test('the cycle finder reports a two-folder cycle and nothing for a DAG', () => {
  const g = new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]);
  assert.deepEqual(cycles(g.keys(), (n) => g.get(n) ?? []), [['a', 'b']]);
  const dag = new Map([['a', ['b']], ['b', ['c']], ['c', []]]);
  assert.deepEqual(cycles(dag.keys(), (n) => dag.get(n) ?? []), []);
});

test('no import cycle between the top-level folders of src/', () => {
  const edges = folderEdges(buildGraph());
  const found = cycles(edges.keys(), (n) => edges.get(n)?.keys() ?? []);
  const report = found.map((comp) => {
    const inComp = new Set(comp);
    const lines = comp.flatMap((a) =>
      [...(edges.get(a) ?? new Map<string, string>())]
        .filter(([b]) => inComp.has(b))
        .map(([b, example]) => `  ${a} -> ${b}   (e.g. ${example})`),
    );
    return `cycle between {${comp.join(', ')}}:\n${lines.join('\n')}`;
  });
  assert.equal(found.length, 0, `folder-level import cycles:\n${report.join('\n')}`);
});

test('no import cycle between files of src/', () => {
  const { files } = buildGraph();
  const found = cycles(files.keys(), (n) => files.get(n) ?? []);
  const report = found.map((comp) => `  {${comp.join(', ')}}`);
  assert.equal(found.length, 0, `file-level import cycles:\n${report.join('\n')}`);
});

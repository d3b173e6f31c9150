/**
 * The relative imports of a source tree as a graph, and the first cycle in it. Specifiers come from
 * TypeScript's own pre-processor rather than a regex: it sees `import type`, `export ... from`, bare
 * and dynamic `import('...')`, and skips import statements that are only text inside a template
 * literal (the emitters hold a few of those, e.g. the generated tests' setup).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Module (path relative to the root) -> the modules it imports, both sorted for stable messages. */
export type ImportGraph = Map<string, string[]>;

export interface ScannedGraph {
  graph: ImportGraph;
  /** `importer -> specifier` for relative specifiers that name no file (a scanner or import bug). */
  unresolved: string[];
}

/** The relative specifiers of one source text, in order of appearance. */
export function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('./') || name.startsWith('../'));
}

/** Every `.ts` file under `dirs` (relative to `root`) with the relative modules it imports. */
export function importGraph(root: string, dirs: string[]): ScannedGraph {
  const graph: ImportGraph = new Map();
  const unresolved: string[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d))).sort()) {
    const targets = new Set<string>();
    for (const specifier of relativeSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(resolve(dirname(file), specifier));
      if (target) targets.add(relative(root, target));
      else unresolved.push(`${relative(root, file)} -> ${specifier}`);
    }
    graph.set(relative(root, file), [...targets].sort());
  }
  return { graph, unresolved };
}

/** The runtime imports NodeNext-style (`./errors.js` for `errors.ts`); the generator names `.ts`. */
function resolveSpecifier(path: string): string | undefined {
  const candidates = [path, path.replace(/\.js$/, '.ts')];
  return candidates.find((c) => existsSync(c));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The first cycle a depth-first walk in sorted order meets, as `[a, b, ..., a]`, or undefined.
 * Edges to modules outside the graph lead nowhere.
 */
export function findCycle(graph: ImportGraph): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node) || !graph.has(node)) return undefined;
    path.push(node);
    for (const next of graph.get(node)!) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

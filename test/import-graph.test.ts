/**
 * No import cycles in the generator or the client runtime: a cycle makes module order matter (a
 * value read before its module ran is undefined) and means two folders no longer hand over in one
 * direction, which the stage layout (ARCHITECTURE.md) relies on.
 */
import { describe, expect, it } from 'vitest';
import { findCycle, importGraph, relativeSpecifiers, type ImportGraph } from './support/import-graph.ts';
import { ROOT } from './support/cli.ts';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the cycle finder', () => {
  it.each<[string, { given: Record<string, string[]>; want: string[] | undefined }]>([
    ['no edges', { given: { a: [], b: [] }, want: undefined }],
    ['a chain', { given: { a: ['b'], b: ['c'], c: [] }, want: undefined }],
    [
      'a diamond (shared import, no cycle)',
      { given: { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, want: undefined },
    ],
    ['a self-import', { given: { a: ['a'] }, want: ['a', 'a'] }],
    ['two modules', { given: { a: ['b'], b: ['a'] }, want: ['a', 'b', 'a'] }],
    [
      'a cycle reached through a module outside it',
      { given: { a: ['b'], b: ['c'], c: ['d'], d: ['b'] }, want: ['b', 'c', 'd', 'b'] },
    ],
    ['an edge to a module outside the graph', { given: { a: ['x'] }, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(findCycle(graphOf(given))).toEqual(want);
  });
});

describe('the specifier scanner', () => {
  it('sees every kind of relative import and only those', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "import {\n  c,\n  d,\n} from './cd.ts';",
      "export { e } from './e.ts';",
      "export type * from './f.ts';",
      "import './side-effect.ts';",
      "const g = await import('./g.ts');",
      "import { readFileSync } from 'node:fs';",
      "const text = `import h from './not-an-import.ts';`;",
    ].join('\n');
    expect(relativeSpecifiers(source)).toEqual([
      './a.ts',
      '../b.ts',
      './cd.ts',
      './e.ts',
      './f.ts',
      './side-effect.ts',
      './g.ts',
    ]);
  });
});

describe('the import graph of generator/ and the client runtime', () => {
  const { graph, unresolved } = importGraph(ROOT, ['generator', 'templates/typescript/runtime']);

  it('resolves every relative import to a file', () => {
    expect(unresolved).toEqual([]);
    // The walk really covers both trees, static, type-only, re-exported and dynamic imports alike.
    expect(graph.get('generator/pipeline.ts')).toContain('generator/load/index.ts'); // dynamic
    expect(graph.get('generator/model/index.ts')).toContain('generator/load/index.ts'); // import type
    expect(graph.get('templates/typescript/runtime/index.ts')).toContain(
      'templates/typescript/runtime/client-core.ts', // export ... from './client-core.js'
    );
  });

  it('has no cycle', () => {
    const cycle = findCycle(graph);
    expect(cycle && `import cycle: ${cycle.join(' -> ')}`).toBeUndefined();
  });
});

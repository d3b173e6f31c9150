/**
 * Every change class of the report in isolation, on hand-written fixture pairs
 * (test/fixtures/diff/<case>.old.yml and .new.yml), each read both ways: what one way adds the other
 * removes, what one way widens the other narrows. For each: the model diff's changes (kind,
 * breaking or not, where) and bump, and the declarations check on the two generated packages: it
 * finds a break exactly where the model diff says something breaks, and every break it finds is
 * explained by a breaking model change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSide, type BuiltSide } from '../../generator/diff/build.ts';
import { openPackages, type PackageSurface } from '../../generator/diff/declarations.ts';
import { diffModels, WEBHOOKS_ACCESSOR, type DiffReport } from '../../generator/diff/index.ts';
import { compareSurfaces } from '../../generator/diff/surface-diff.ts';
import { typeUsage } from '../../generator/diff/usage.ts';
import type { ts } from 'ts-morph';
import { FIXTURE_CONFIG, FIXTURES } from '../support/cli.ts';

const DIR = join(FIXTURES, 'diff');

/** `B kind accessor path` for a breaking change, `- kind accessor path` for another, report order. */
type Want = { changes: string[]; bump: DiffReport['bump'] };
const B = 'B';

// [case, old -> new, new -> old]
const CASES: [string, Want, Want][] = [
  [
    'operation',
    { changes: ['- operation-added client.pets.delete'], bump: 'minor' },
    { changes: [`${B} operation-removed client.pets.delete`], bump: 'major' },
  ],
  [
    'deprecated',
    { changes: ['- operation-deprecated client.pets.retrieve'], bump: 'minor' },
    { changes: ['- operation-undeprecated client.pets.retrieve'], bump: 'patch' },
  ],
  [
    // A GET that returned a list returns one object: its rule name goes from list to retrieve.
    'renamed',
    {
      changes: ['B operation-renamed client.pets.list', 'B type-changed client.pets.list response.data'],
      bump: 'major',
    },
    {
      changes: [
        'B operation-renamed client.pets.retrieve',
        'B type-changed client.pets.retrieve response.data',
      ],
      bump: 'major',
    },
  ],
  [
    'query-param',
    { changes: ['- param-added client.pets.retrieve limit'], bump: 'minor' },
    { changes: ['B param-removed client.pets.retrieve limit'], bump: 'major' },
  ],
  [
    'required-param',
    { changes: ['B param-added client.pets.retrieve owner'], bump: 'major' },
    { changes: ['B param-removed client.pets.retrieve owner'], bump: 'major' },
  ],
  [
    'param-required',
    { changes: ['B param-required client.pets.retrieve owner'], bump: 'major' },
    { changes: ['- param-optional client.pets.retrieve owner'], bump: 'patch' },
  ],
  [
    // The only param turns required: the params argument does too.
    'signature',
    {
      changes: ['B param-required client.pets.retrieve owner', 'B signature-changed client.pets.retrieve'],
      bump: 'major',
    },
    {
      changes: ['- param-optional client.pets.retrieve owner', '- signature-changed client.pets.retrieve'],
      bump: 'patch',
    },
  ],
  [
    'param-type',
    { changes: ['B type-changed client.pets.retrieve limit'], bump: 'major' },
    { changes: ['B type-changed client.pets.retrieve limit'], bump: 'major' },
  ],
  [
    'request-enum',
    { changes: ['- enum-values-added client.pets.retrieve status'], bump: 'minor' },
    { changes: ['B enum-values-removed client.pets.retrieve status'], bump: 'major' },
  ],
  [
    // Decided: a new value in a response enum is not breaking (README "Change report").
    'response-enum',
    { changes: ['- enum-values-added client.pets.retrieve response.status'], bump: 'minor' },
    { changes: ['- enum-values-removed client.pets.retrieve response.status'], bump: 'patch' },
  ],
  [
    'request-nullable',
    { changes: ['- nullable-added client.pets.create name'], bump: 'patch' },
    { changes: ['B nullable-removed client.pets.create name'], bump: 'major' },
  ],
  [
    'response-nullable',
    { changes: ['B nullable-added client.pets.retrieve response.name'], bump: 'major' },
    { changes: ['- nullable-removed client.pets.retrieve response.name'], bump: 'patch' },
  ],
  [
    // string <-> string/uuid: the same TS type, reported but not breaking.
    'format',
    { changes: ['- format-changed client.pets.retrieve response.id'], bump: 'patch' },
    { changes: ['- format-changed client.pets.retrieve response.id'], bump: 'patch' },
  ],
  [
    'response-field',
    { changes: ['- field-added client.pets.retrieve response.age'], bump: 'minor' },
    { changes: ['B field-removed client.pets.retrieve response.age'], bump: 'major' },
  ],
  [
    'response-required',
    { changes: ['- field-required client.pets.retrieve response.name'], bump: 'patch' },
    { changes: ['B field-optional client.pets.retrieve response.name'], bump: 'major' },
  ],
  [
    'body-field',
    { changes: ['- param-added client.pets.create tag'], bump: 'minor' },
    { changes: ['B param-removed client.pets.create tag'], bump: 'major' },
  ],
  [
    'nested-field',
    { changes: ['B field-added client.pets.create owner.email'], bump: 'major' },
    { changes: ['B field-removed client.pets.create owner.email'], bump: 'major' },
  ],
  [
    'request-union',
    { changes: ['B variant-removed client.pets.create size'], bump: 'major' },
    { changes: ['- variant-added client.pets.create size'], bump: 'minor' },
  ],
  [
    // A union of several gains a member: open, like an enum. Stick is a new exported type too.
    'response-union',
    {
      changes: ['- variant-added client.pets.retrieve response.toy', '- type-added Models.Stick'],
      bump: 'minor',
    },
    {
      changes: ['B type-removed Models.Stick', '- variant-removed client.pets.retrieve response.toy'],
      bump: 'major',
    },
  ],
  [
    // One type turned into a union: code that read it as that type breaks.
    'response-single-union',
    { changes: ['B variant-added client.pets.retrieve response.toy'], bump: 'major' },
    { changes: ['- variant-removed client.pets.retrieve response.toy'], bump: 'patch' },
  ],
  [
    // Pet refers to itself: compared once, the change reported where it is.
    'cycle',
    { changes: ['B type-changed client.pets.retrieve response.name'], bump: 'major' },
    { changes: ['B type-changed client.pets.retrieve response.name'], bump: 'major' },
  ],
  [
    'response-kind',
    { changes: ['B response-changed client.pets.retrievePhoto response'], bump: 'major' },
    { changes: ['B response-changed client.pets.retrievePhoto response'], bump: 'major' },
  ],
  [
    'pagination',
    {
      changes: ['B pagination-added client.pets.list', '- param-added client.pets.list page'],
      bump: 'major',
    },
    {
      changes: [
        'B pagination-removed client.pets.list',
        'B param-removed client.pets.list page',
        'B signature-changed client.pets.list',
      ],
      bump: 'major',
    },
  ],
  [
    'webhook',
    {
      changes: ['- webhook-added client.webhooks', '- type-added Models.PetBornEvent'],
      bump: 'minor',
    },
    {
      changes: ['B webhook-removed client.webhooks', 'B type-removed Models.PetBornEvent'],
      bump: 'major',
    },
  ],
  [
    'component',
    { changes: ['- type-added Models.Toy'], bump: 'minor' },
    { changes: ['B type-removed Models.Toy'], bump: 'major' },
  ],
  [
    // The same shape under another name: no operation changes (refs are resolved), the export does.
    'schema-renamed',
    { changes: ['B type-removed Models.Pet', '- type-added Models.Animal'], bump: 'major' },
    { changes: ['B type-removed Models.Animal', '- type-added Models.Pet'], bump: 'major' },
  ],
  [
    // The operation moves to a renamed copy and the old name holds another schema.
    'schema-reused',
    {
      changes: [
        'B field-removed Models.Pet name',
        '- type-added Models.LegacyPet',
        '- field-added Models.Pet id',
      ],
      bump: 'major',
    },
    {
      changes: [
        'B type-removed Models.LegacyPet',
        'B field-added Models.Pet name',
        'B field-removed Models.Pet id',
      ],
      bump: 'major',
    },
  ],
  [
    // pets gains a sub-resource: its module moves from resources/pets to resources/pets/pets.
    'module',
    {
      changes: [
        'B module-moved client.pets',
        '- operation-added client.pets.toys.retrieve',
        '- operation-added client.pets.toys.retrieveToys',
      ],
      bump: 'major',
    },
    {
      changes: [
        'B module-moved client.pets',
        'B operation-removed client.pets.toys.retrieve',
        'B operation-removed client.pets.toys.retrieveToys',
      ],
      bump: 'major',
    },
  ],
];

const sides = new Map<string, BuiltSide>();
const surfaces = new Map<string, PackageSurface>();
let checker: ts.TypeChecker;

beforeAll(async () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.yml'))
    .sort();
  for (const file of files)
    sides.set(
      file,
      await buildSide(join(DIR, file), { config: FIXTURE_CONFIG, typescript: true, cache: false }),
    );
  // One project for every package: the checker is built once.
  const opened = openPackages(files.map((f) => sides.get(f)!.packageDir!));
  checker = opened.checker;
  files.forEach((f, i) => surfaces.set(f, opened.surfaces[i]));
}, 180_000);

afterAll(() => {
  for (const side of sides.values()) side.dispose();
});

const line = (c: DiffReport['changes'][number]) =>
  [c.breaking ? 'B' : '-', c.kind, c.accessor, c.path].filter(Boolean).join(' ');

describe.each(CASES)('%s', (name, forward, backward) => {
  it.each([
    ['old -> new', 'old', 'new', forward],
    ['new -> old', 'new', 'old', backward],
  ] as const)('%s', (_label, from, to, want) => {
    const before = sides.get(`${name}.${from}.yml`)!;
    const after = sides.get(`${name}.${to}.yml`)!;
    const report = diffModels(before, after, 'test');
    expect(report.changes.map(line)).toEqual(want.changes);
    expect(report.bump).toBe(want.bump);

    const surface = compareSurfaces(
      checker,
      surfaces.get(`${name}.${from}.yml`)!,
      surfaces.get(`${name}.${to}.yml`)!,
      {
        changes: report.changes,
        usage: typeUsage(before, WEBHOOKS_ACCESSOR),
      },
    );
    // The declarations break exactly when the model diff says something breaks ...
    expect(surface.breaks.length > 0, JSON.stringify(surface.breaks, null, 1)).toBe(report.bump === 'major');
    // ... and never where it says nothing does.
    expect(surface.breaks.filter((b) => !b.explained)).toEqual([]);
  });
});

describe('the client read from its declarations', () => {
  // Resources are getters built on first access (`get pets(): Pets`): the walk follows their types.
  it('reaches each resource through its getter, and its methods', () => {
    const surface = surfaces.get('operation.old.yml')!;
    expect(surface.resources.get('client.pets')).toMatch(/#Pets$/);
    expect([...surface.methods.keys()].filter((a) => a.startsWith('client.pets.')).length).toBeGreaterThan(0);
  });
});

describe('the same spec on both sides', () => {
  it('has no changes and bumps patch; its declarations do not differ', () => {
    const side = sides.get('operation.old.yml')!;
    const report = diffModels(side, side, 'test');
    expect(report.changes).toEqual([]);
    expect(report.bump).toBe('patch');
    const surface = surfaces.get('operation.old.yml')!;
    const same = compareSurfaces(checker, surface, surface, { changes: [], usage: new Map() });
    expect(same.breaks).toEqual([]);
  });
});

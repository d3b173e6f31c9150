/**
 * Bad input never produces a stack trace or partial output: exit code 2 and a message that names the
 * place (file:line:col, JSON pointer, or the places tried) and the fix.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CONFIG, hasStackTrace, runCli, tempFiles, generateSpec } from './support/cli.ts';

const header =
  'openapi: 3.1.0\ninfo: { title: T, version: "1" }\nservers: [{ url: https://api.example.com/v2 }]\n';
const okOperation = (extra = '') =>
  `      tags: [Pets]\n${extra}      responses: { '200': { description: ok } }\n`;

const cases: [string, { spec: string; config?: string; want: RegExp[] }][] = [
  [
    'malformed YAML names line and column',
    {
      spec: `${header}paths:\n  /pets:\n    get: [unclosed\n`,
      want: [/spec\.yml:\d+:\d+/, /invalid YAML/, /fix:/],
    },
  ],
  [
    'unresolvable $ref names the pointer and where it was used',
    {
      spec: `${header}paths:\n  /pets:\n    get:\n${okOperation("      parameters: [{ $ref: '#/components/parameters/Missing' }]\n")}`,
      want: [/unresolvable \$ref #\/components\/parameters\/Missing/, /spec\.yml:8:\d+/, /fix: define/],
    },
  ],
  [
    'an operation without responses is named by line',
    {
      spec: `${header}paths:\n  /pets:\n    get:\n      tags: [Pets]\n`,
      want: [/operation has no `responses`/, /spec\.yml:7:\d+/],
    },
  ],
  [
    'a ref chain that loops is rejected',
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n`,
      want: [/\$ref chain loops/],
    },
  ],
  [
    'a schema that is its own allOf part (was `export type A = A;`)',
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    A: { allOf: [{ $ref: '#/components/schemas/A' }, { type: object }] }\n`,
      want: [
        /spec\.yml:7:\d+: schemas compose themselves through allOf\/oneOf\/anyOf: A -> A/,
        /fix: break the cycle/,
      ],
    },
  ],
  [
    "two schemas that are each other's allOf part",
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    A: { allOf: [{ $ref: '#/components/schemas/B' }] }\n    B:\n      allOf:\n        - { type: object, properties: { x: { type: string } } }\n        - { $ref: '#/components/schemas/A' }\n`,
      want: [/spec\.yml:11:\d+: .*: A -> B -> A/],
    },
  ],
  [
    'a nullable oneOf of itself',
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    A: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] }\n`,
      want: [/spec\.yml:7:\d+: .*: A -> A/],
    },
  ],
];

describe('bad input', () => {
  it.each(cases)('%s', (_name, { spec, want }) => {
    const { dir, run } = generateSpec(spec);
    expect(run.code).toBe(2);
    for (const pattern of want) expect(run.stderr).toMatch(pattern);
    expect(hasStackTrace(run.stderr + run.stdout)).toBe(false);
  });

  it('a missing spec lists every place tried', () => {
    const dir = tempFiles({
      'config.yml': `spec:\n  sha256: '${'0'.repeat(64)}'\n  localCopies: [no/such/copy.yml, nor/this.yml]\n  cacheDir: ${join('.cache', 'nothing-here')}\nnames: { from: none }\nproducts: test/fixtures/products.yml\npackage: { name: x }\n`,
    });
    const run = runCli(['--config', join(dir, 'config.yml'), '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /no spec found; tried: .*no\/such\/copy\.yml, .*nor\/this\.yml, .*nothing-here/,
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a sha256 mismatch shows both hashes', () => {
    const dir = tempFiles({ 'spec.yml': `${header}paths: {}\n` });
    const config = `spec:\n  sha256: '${'a'.repeat(64)}'\n  localCopies: [${join(dir, 'spec.yml')}]\nnames: { from: none }\nproducts: test/fixtures/products.yml\npackage: { name: x }\n`;
    const run = runCli([
      '--config',
      join(tempFiles({ 'c.yml': config }), 'c.yml'),
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`expected ${'a'.repeat(64)}, got [0-9a-f]{64}`));
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a compat.releaseBodies entry for a language without an official release shape is located', () => {
    const config = `spec:\n  localCopies: [x.yml]\nnames: { from: none }\nproducts: test/fixtures/products.yml\npackage: { name: x }\ncompat:\n  releaseBodies:\n    go:\n      POST /x: body\n`;
    const run = runCli(['--config', join(tempFiles({ 'c.yml': config }), 'c.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/config compat\.releaseBodies must be a mapping python or ruby/);
    expect(run.stderr).toMatch(/c\.yml:\d+:\d+/);
    expect(run.stderr).toMatch(/fix: /);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('an unknown command-line flag is a usage error, not a crash', () => {
    const run = runCli(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run generate/);
  });
});

/** A 1 KB "billion laughs": each level aliases the one before nine times (9^8 strings once expanded). */
const laughs = (indent: string) =>
  ['&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    .concat(Array.from({ length: 8 }, (_, i) => `&l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`))
    .map((level, i) => `${indent}x-l${i}: ${level}\n`)
    .join('');

const minimal = `${header}paths: {}\n`;

const hostile: [string, { spec: string | Buffer; args?: (dir: string) => string[]; want: RegExp[] }][] = [
  ['an empty file', { spec: '', want: [/spec\.yml:1:1: the spec is empty/, /fix: provide an OpenAPI/] }],
  [
    'an empty file, written to the default output',
    {
      spec: '',
      args: (dir) => ['--spec', join(dir, 'spec.yml'), '--config', FIXTURE_CONFIG],
      want: [/spec\.yml:1:1: the spec is empty/],
    },
  ],
  ['only a comment', { spec: '# nothing\n', want: [/spec\.yml:1:1: the spec is empty/] }],
  [
    'a YAML scalar document',
    { spec: '"just a string"\n', want: [/spec\.yml:1:1: the spec is a single string, not a mapping/] },
  ],
  ['a YAML list', { spec: '- a\n- b\n', want: [/spec\.yml:1:1: the spec is a list, not a mapping/] }],
  [
    'binary bytes: the first NUL byte is named',
    {
      spec: Buffer.concat([Buffer.from('openapi: 3.1.0\nx: ab'), Buffer.from([0, 1, 2, 0xff])]),
      want: [/spec\.yml:2:6: the spec holds a NUL byte/],
    },
  ],
  [
    'UTF-16 with a BOM',
    {
      spec: Buffer.from(`\ufeff${minimal}`, 'utf16le'),
      want: [/spec\.yml:1:1: the spec is UTF-16/, /fix: save the spec as UTF-8/],
    },
  ],
  [
    'UTF-16 without a BOM',
    { spec: Buffer.from(minimal, 'utf16le'), want: [/spec\.yml:1:1: the spec is UTF-16/] },
  ],
  [
    'bytes that are not UTF-8 (Latin-1): the first one is named',
    {
      spec: Buffer.concat([
        Buffer.from(`${header}x-name: caf`),
        Buffer.from([0xe9]),
        Buffer.from('\npaths: {}\n'),
      ]),
      want: [/spec\.yml:4:12: the spec is not UTF-8 text/],
    },
  ],
  [
    'a UTF-16 surrogate written as UTF-8 (CESU-8): its first byte is named',
    {
      spec: Buffer.concat([
        Buffer.from(`${header}x-name: a`),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('\npaths: {}\n'),
      ]),
      want: [/spec\.yml:4:10: the spec is not UTF-8 text/],
    },
  ],
  [
    'a folder as --spec',
    {
      spec: minimal,
      args: (dir) => ['--spec', dir, '--config', FIXTURE_CONFIG, '--out', join(dir, 'out')],
      want: [/codegen-test-\w+: the spec path is a folder/, /fix: pass the OpenAPI file itself/],
    },
  ],
  [
    'the path /../../etc (a folder)',
    {
      spec: minimal,
      args: (dir) => ['--spec', '/../../etc', '--config', FIXTURE_CONFIG, '--out', join(dir, 'out')],
      want: [/etc: the spec path is a folder/],
    },
  ],
  [
    'a folder as --config',
    {
      spec: minimal,
      args: (dir) => ['--spec', join(dir, 'spec.yml'), '--config', dir, '--out', join(dir, 'out')],
      want: [/codegen-test-\w+: not a file/, /fix: pass the path of the YAML file itself/],
    },
  ],
  [
    'a folder as --names-from',
    {
      spec: minimal,
      args: (dir) => [
        '--spec',
        join(dir, 'spec.yml'),
        '--config',
        FIXTURE_CONFIG,
        '--names-from',
        dir,
        '--out',
        join(dir, 'out'),
      ],
      want: [/codegen-test-\w+: the names lock is not a file/],
    },
  ],
  [
    'a file as --out, or a path below one',
    {
      spec: minimal,
      args: (dir) => [
        '--spec',
        join(dir, 'spec.yml'),
        '--config',
        FIXTURE_CONFIG,
        '--out',
        join(dir, 'spec.yml', 'out'),
      ],
      want: [/spec\.yml\/out: the output path is below a file/, /fix: pass a folder/],
    },
  ],
  [
    // Node 20's recursive mkdir loops forever under /proc (ENOENT on every level): the run hung.
    'an --out under /proc, where no folder can be created',
    {
      spec: minimal,
      args: (dir) => ['--spec', join(dir, 'spec.yml'), '--config', FIXTURE_CONFIG, '--out', '/proc/x'],
      want: [/proc\/x: the output cannot be written there: .*ENOENT/, /fix: pass a folder on a writable/],
    },
  ],
  [
    'components.schemas that is a list',
    {
      spec: `${minimal}components:\n  schemas: [a, b]\n`,
      want: [/spec\.yml:6:\d+: `components.schemas` must be a mapping/],
    },
  ],
  [
    'an alias bomb at the top level names the alias that goes past the bound',
    {
      spec: `${header}${laughs('')}paths: {}\n`,
      want: [/spec\.yml:9:\d+: YAML aliases expand the document by more than 100000 nodes/, /fix: .*\$ref/],
    },
  ],
  [
    'an alias bomb inside components.schemas',
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    Bomb:\n      type: object\n${laughs('      ')}`,
      want: [/spec\.yml:14:\d+: YAML aliases expand/],
    },
  ],
  [
    'an alias inside the node it names',
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    A: &a { type: object, properties: { self: *a } }\n`,
      want: [/spec\.yml:7:\d+: alias \*a is inside the node it names/],
    },
  ],
  [
    'YAML nested deeper than the parser can recurse',
    {
      spec: `${header}paths: {}\nx-deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      want: [/spec\.yml:5:\d+: the YAML is nested too deeply/, /fix: move deeply nested schemas/],
    },
  ],
];

describe('hostile documents', () => {
  it.each(hostile)('%s', (_name, { spec, args, want }) => {
    const dir = tempFiles({});
    writeFileSync(join(dir, 'spec.yml'), spec);
    const run = runCli(
      args?.(dir) ?? ['--spec', join(dir, 'spec.yml'), '--config', FIXTURE_CONFIG, '--out', join(dir, 'out')],
    );
    expect(run.code, run.stderr).toBe(2);
    for (const pattern of want) expect(run.stderr).toMatch(pattern);
    expect(hasStackTrace(run.stderr + run.stdout)).toBe(false);
  });

  it('a schema composed of one that refers back to it through a property still generates', () => {
    const spec = `${header}paths: {}\ncomponents:\n  schemas:\n    Base: { type: object, properties: { parent: { $ref: '#/components/schemas/Node' } } }\n    Node: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: object, properties: { children: { type: array, items: { $ref: '#/components/schemas/Node' } } } }] }\n`;
    const { dir, run } = generateSpec(spec);
    expect(run.code, run.stderr).toBe(0);
  });

  it('a few aliases that repeat a small part still generate', () => {
    const spec = `${header}paths:\n  /pets:\n    get:\n      tags: [Pets]\n      responses: &ok { '200': { description: ok } }\n    delete:\n      tags: [Pets]\n      responses: *ok\n`;
    const { dir, run } = generateSpec(spec);
    expect(run.code, run.stderr).toBe(0);
  });
});

/**
 * The fuzz cases, all from one seed: mutations of a small fixture spec (test/fixtures/petstore.yml)
 * and of slices of the real Telnyx spec (a few paths and the components they reach). Each case says
 * whether a correct generator must generate it, must refuse it, or may do either (a truncation can
 * stay valid). Kinds: truncation, byte-flip, deleted-component, duplicate-key, tabs, encoding,
 * alias-bomb, huge-bound, deep-nesting, hostile-names, injection, slice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { FuzzCase } from './run.ts';
import { PAYLOADS } from './payloads.ts';
import { FIXTURES } from '../../support/cli.ts';

/** mulberry32: small, seedable, the same sequence on every platform. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}
export type Random = ReturnType<typeof random>;

const yaml = (doc: unknown) => stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
const clone = <T>(v: T): T => structuredClone(v);
const bytes = (text: string) => Buffer.from(text, 'utf8');

const HEADER =
  'openapi: 3.1.0\ninfo: { title: Fuzz, version: "1" }\nservers: [{ url: https://api.example.com/v2 }]\n';
/** One operation that returns component A (so models and examples are built from it). */
const returnsA = `paths:\n  /things:\n    post:\n      tags: [Pets]\n      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }\n      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } } }\n`;
const withA = (schemaA: string, more = '') =>
  `${HEADER}${returnsA}components:\n  schemas:\n    A: ${schemaA}\n${more}`;

// ---------------------------------------------------------------------------------------------
// Byte- and line-level mutations of any spec text.

function truncations(name: string, text: string, r: Random, n: number): FuzzCase[] {
  return Array.from({ length: n }, (_, i) => {
    const at = 1 + r.int(text.length - 1);
    return {
      name: `truncation/${name}-${i}@${at}`,
      kind: 'truncation',
      spec: bytes(text.slice(0, at)),
      expect: 'either',
    };
  });
}

function byteFlips(name: string, text: string, r: Random, n: number): FuzzCase[] {
  return Array.from({ length: n }, (_, i) => {
    const spec = bytes(text);
    const flips = 1 + r.int(3);
    for (let k = 0; k < flips; k++) spec[r.int(spec.length)] = r.int(256);
    return { name: `byte-flip/${name}-${i}`, kind: 'byte-flip', spec, expect: 'either' };
  });
}

/** A `key: value` line repeated right after itself: YAML maps must not repeat a key. */
function duplicateKeys(name: string, text: string, r: Random, n: number): FuzzCase[] {
  const lines = text.split('\n');
  const candidates = lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => /^\s*[\w$-]+: [^\s{[|>&*]/.test(l) && !/^\s*-/.test(l));
  return Array.from({ length: n }, (_, k) => {
    const { i } = r.pick(candidates);
    const copy = [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
    return {
      name: `duplicate-key/${name}-${k}@line${i + 1}`,
      kind: 'duplicate-key',
      spec: bytes(copy),
      expect: 'error',
    };
  });
}

/** Indentation made of a tab (YAML forbids tabs there; inside some scalars they are text). */
function tabs(name: string, text: string, r: Random, n: number): FuzzCase[] {
  const lines = text.split('\n');
  const indented = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^ +\S/.test(l));
  return Array.from({ length: n }, (_, k) => {
    const { i } = r.pick(indented);
    const copy = [...lines];
    copy[i] = copy[i].replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
    return {
      name: `tabs/${name}-${k}@line${i + 1}`,
      kind: 'tabs',
      spec: bytes(copy.join('\n')),
      expect: 'either',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Structure-level mutations of a parsed spec.

/** Every `$ref` target under components, by section and name. */
function referenced(doc: any): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const ref = (v as any).$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/'))
        found.add(ref.split('/').slice(2, 4).join('/'));
      Object.values(v).forEach(walk);
    }
  };
  walk(doc.paths);
  walk(doc.components);
  return [...found].sort();
}

function deletedComponents(name: string, doc: any, r: Random, n: number): FuzzCase[] {
  const targets = referenced(doc);
  return Array.from({ length: Math.min(n, targets.length) }, (_, i) => {
    const target = n >= targets.length ? targets[i] : r.pick(targets);
    const copy = clone(doc);
    const [section, key] = target.split('/');
    delete copy.components[section][decodeURIComponent(key).replace(/~1/g, '/').replace(/~0/g, '~')];
    return {
      name: `deleted-component/${name}-${target}`,
      kind: 'deleted-component',
      spec: bytes(yaml(copy)),
      expect: 'error',
    };
  });
}

/** Text keys whose values land in docs and comments. */
const TEXT_KEYS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'default',
  'operationId',
  'version',
  'x-note',
]);

/** The payload appended to every text value, enum value, tag, example and extension string. */
function injectValues(doc: any, payload: string): any {
  const copy = clone(doc);
  const walk = (v: any, key: string | undefined): any => {
    if (typeof v === 'string')
      return key && (TEXT_KEYS.has(key) || key === 'enum' || key === 'tags' || key.startsWith('x-'))
        ? v + payload
        : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key === 'enum' || key === 'tags' ? key : undefined));
    if (v && typeof v === 'object') for (const k of Object.keys(v)) v[k] = walk(v[k], k);
    return v;
  };
  walk(copy, undefined);
  for (const tag of Array.isArray(copy.tags) ? copy.tags : [])
    if (tag && typeof tag.name === 'string') tag.name += payload;
  copy['x-note'] = `spec-level ${payload}`;
  return copy;
}

/**
 * The payload in every name: component schemas (and the refs to them), properties (and `required`),
 * query and header parameters, operationIds, tags and static path segments (braces, which delimit
 * path parameters, read as parentheses there).
 */
function injectNames(doc: any, payload: string): any {
  const copy = clone(doc);
  const rename = (n: string) => `${n}${payload}`;
  const pointerName = (n: string) => n.replace(/~/g, '~0').replace(/\//g, '~1');
  const schemas = copy.components?.schemas ?? {};
  const renamed = new Map(Object.keys(schemas).map((k) => [k, rename(k)]));
  copy.components ??= {};
  copy.components.schemas = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [renamed.get(k)!, v]));
  const walk = (v: any): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    if (typeof v.$ref === 'string') {
      const m = /^#\/components\/schemas\/([^/]+)$/.exec(v.$ref);
      const target = m && renamed.get(m[1].replace(/~1/g, '/').replace(/~0/g, '~'));
      if (target) v.$ref = `#/components/schemas/${pointerName(target)}`;
    }
    if (v.properties && typeof v.properties === 'object' && !Array.isArray(v.properties)) {
      v.properties = Object.fromEntries(Object.entries(v.properties).map(([k, p]) => [rename(k), p]));
      if (Array.isArray(v.required))
        v.required = v.required.map((k: unknown) => (typeof k === 'string' ? rename(k) : k));
    }
    if ((v.in === 'query' || v.in === 'header') && typeof v.name === 'string') v.name = rename(v.name);
    if (typeof v.operationId === 'string') v.operationId = rename(v.operationId);
    if (Array.isArray(v.tags) && v.tags.every((t: unknown) => typeof t === 'string'))
      v.tags = v.tags.map(rename);
    Object.values(v).forEach(walk);
  };
  walk(copy);
  const safe = payload.replace(/[{}]/g, (b) => (b === '{' ? '(' : ')'));
  copy.paths = Object.fromEntries(
    Object.entries(copy.paths ?? {}).map(([path, item]) => [
      path
        .split('/')
        .map((s, i) => (i === 0 || s.startsWith('{') || s === '' ? s : `${s}${safe}`))
        .join('/'),
      item,
    ]),
  );
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Hand-made hostile documents.

function laughs(indent: string, levels: number) {
  const lines = [`${indent}x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `${indent}x-l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}

function aliasBombs(): FuzzCase[] {
  return [
    {
      name: 'alias-bomb/top-level',
      kind: 'alias-bomb',
      spec: bytes(`${HEADER}${laughs('', 8)}paths: {}\n`),
      expect: 'error',
    },
    {
      name: 'alias-bomb/components.schemas',
      kind: 'alias-bomb',
      spec: bytes(withA('{ type: object }', `    Bomb:\n      type: object\n${laughs('      ', 8)}`)),
      expect: 'error',
    },
    {
      name: 'alias-bomb/schema-tree',
      kind: 'alias-bomb',
      spec: bytes(
        withA(
          '&s0 { type: object, properties: { a: { type: string }, b: { type: string } } }',
          Array.from(
            { length: 12 },
            (_, i) =>
              `    S${i + 1}: &s${i + 1} { type: object, properties: { a: *s${i}, b: *s${i}, c: *s${i} } }\n`,
          ).join(''),
        ),
      ),
      expect: 'error',
    },
    {
      name: 'alias-bomb/self',
      kind: 'alias-bomb',
      spec: bytes(withA('&a { type: object, properties: { self: *a } }')),
      expect: 'error',
    },
    {
      name: 'alias-bomb/benign-reuse',
      kind: 'alias-bomb',
      spec: bytes(
        withA('{ type: object, properties: { a: &str { type: string, maxLength: 9 }, b: *str, c: *str } }'),
      ),
      expect: 'ok',
    },
  ];
}

function encodings(text: string): FuzzCase[] {
  const utf8 = bytes(text);
  const marked = text.replace('summary: List pets', 'summary: List pets café ü 🎉 \u2028 \u202e');
  const cases: [string, Buffer, FuzzCase['expect']][] = [
    ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'ok'],
    ['crlf', bytes(text.replace(/\n/g, '\r\n')), 'ok'],
    ['cr-only', bytes(text.replace(/\n/g, '\r')), 'either'],
    ['non-ascii-utf8', bytes(marked), 'ok'],
    ['utf16le-bom', Buffer.from(`\ufeff${text}`, 'utf16le'), 'error'],
    ['utf16le', Buffer.from(text, 'utf16le'), 'error'],
    ['utf16be-bom', Buffer.from(`\ufeff${text}`, 'utf16le').swap16(), 'error'],
    ['latin1', Buffer.from(marked.replace(/[^\x00-\xff]/g, ''), 'latin1'), 'error'],
    ['nul-byte', Buffer.concat([utf8.subarray(0, 200), Buffer.from([0]), utf8.subarray(200)]), 'error'],
    [
      'lone-surrogate-cesu',
      Buffer.concat([utf8.subarray(0, 120), Buffer.from([0xed, 0xa0, 0x80]), utf8.subarray(120)]),
      'error',
    ],
    [
      'overlong-slash',
      Buffer.concat([utf8.subarray(0, 120), Buffer.from([0xc0, 0xaf]), utf8.subarray(120)]),
      'error',
    ],
    ['empty', Buffer.alloc(0), 'error'],
    ['whitespace-only', bytes('  \n\t\n'), 'error'],
    ['scalar-document', bytes('just a string\n'), 'error'],
    ['json', bytes(JSON.stringify(parse(text))), 'ok'],
  ];
  return cases.map(([n, spec, expect]) => ({ name: `encoding/${n}`, kind: 'encoding', spec, expect }));
}

function hugeBounds(): FuzzCase[] {
  const prop = (schema: string) => withA(`{ type: object, required: [v], properties: { v: ${schema} } }`);
  const cases: [string, string, FuzzCase['expect']][] = [
    ['min-length', '{ type: string, minLength: 500000000 }', 'ok'],
    ['min-items', '{ type: array, minItems: 100000000, items: { type: string, minLength: 100000 } }', 'ok'],
    [
      'nested-min-items',
      '{ type: array, minItems: 60, items: { type: array, minItems: 60, items: { type: array, minItems: 60, items: { type: string, minLength: 900 } } } }',
      'ok',
    ],
    ['pattern-count', "{ type: string, pattern: '^a{500000000}$' }", 'ok'],
    ['pattern-nested-count', "{ type: string, pattern: '^(?:(?:ab{900}){900}){900}$' }", 'ok'],
    ['minimum', '{ type: integer, minimum: 1e308, maximum: 1.7976931348623157e308 }', 'ok'],
    ['negative-maximum', '{ type: number, maximum: -1e308 }', 'ok'],
    ['infinity', '{ type: string, minLength: .inf, maxLength: .nan }', 'either'],
    ['negative-length', '{ type: string, minLength: -5, maxLength: -1 }', 'either'],
    ['string-bound', '{ type: string, minLength: "many" }', 'either'],
    ['multiple-of-zero', '{ type: integer, multipleOf: 0, minimum: 3 }', 'either'],
    [
      'min-properties',
      '{ type: object, minProperties: 100000000, properties: { a: { type: string } } }',
      'ok',
    ],
    [
      'redos-pattern',
      "{ type: string, pattern: '^(a+)+$', example: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }",
      'either',
    ],
    ['huge-enum-value', `{ type: string, enum: ["${'e'.repeat(200_000)}"] }`, 'ok'],
  ];
  // Long text: runs that make an end-anchored regex backtrack from each character (was 37 s for a
  // 200 kB space run) in every text position of one operation, and the issue's 10 MB description.
  const runs = JSON.stringify(
    [' ', '\t', '.', '!', '\n', '_', '#', '*', '`', '|', '\\', '*/']
      .map((c) => `x${c.repeat(100_000)}x`)
      .join(''),
  );
  const long = (q: string, description = q) =>
    `${HEADER}paths:\n  /things:\n    post:\n      tags: [Pets]\n      summary: ${q}\n      description: ${description}\n      parameters: [{ name: q, in: query, description: ${q}, schema: { type: string } }]\n      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }\n      responses: { '200': { description: ${q} } }\ncomponents:\n  schemas:\n    A: { type: object, description: ${q}, required: [n], properties: { n: { type: string, description: ${q} } } }\n`;
  const tenMB = JSON.stringify('a `b` **c** [d](https://e.f) <g> _h_  \n'.repeat(270_000));
  return [
    ...cases.map(([n, schema, expect]): FuzzCase => ({
      name: `huge-bound/${n}`,
      kind: 'huge-bound',
      spec: bytes(prop(schema)),
      expect,
    })),
    { name: 'huge-bound/long-runs', kind: 'huge-bound', spec: bytes(long(runs)), expect: 'ok' },
    {
      name: 'huge-bound/description-10mb',
      kind: 'huge-bound',
      spec: bytes(long('"s"', tenMB)),
      expect: 'ok',
    },
  ];
}

function deepNesting(): FuzzCase[] {
  const objects = (depth: number) =>
    `${'{ type: object, required: [n], properties: { n: '.repeat(depth)}{ type: string }${' } }'.repeat(depth)}`;
  const arrays = (depth: number) =>
    `${'{ type: array, items: '.repeat(depth)}{ type: string }${' }'.repeat(depth)}`;
  const allOfChain = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `    C${i}: { allOf: [{ $ref: '#/components/schemas/C${i + 1}' }, { type: object, properties: { f${i}: { type: string } } }] }\n`,
    ).join('') + `    C${n}: { type: object, properties: { last: { type: string } } }\n`;
  const deepExample = (depth: number) => `${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}`;
  const cases: [string, string, FuzzCase['expect']][] = [
    ['objects-30', withA(objects(30)), 'ok'],
    ['objects-300', withA(objects(300)), 'either'],
    ['arrays-200', withA(arrays(200)), 'either'],
    ['allof-chain-300', withA("{ $ref: '#/components/schemas/C0' }", allOfChain(300)), 'ok'],
    ['example-1000', withA(`{ type: object, example: ${deepExample(1000)} }`), 'either'],
    [
      'path-60-segments',
      `${HEADER}paths:\n  /${Array.from({ length: 60 }, (_, i) => `s${i}`).join('/')}:\n    get: { tags: [Pets], responses: { '200': { description: ok } } }\n`,
      'ok',
    ],
    [
      'path-300-char-segment',
      `${HEADER}paths:\n  /${'x'.repeat(300)}/{id}:\n    get: { operationId: ${'o'.repeat(300)}, tags: [${'t'.repeat(300)}], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { '200': { description: ok } } }\n`,
      'ok',
    ],
    ['flow-20000', `${HEADER}paths: {}\nx-deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 'error'],
    ['allof-self-cycle', withA("{ allOf: [{ $ref: '#/components/schemas/A' }, { type: object }] }"), 'error'],
    [
      'allof-two-cycle',
      withA(
        "{ allOf: [{ $ref: '#/components/schemas/B' }] }",
        "    B: { allOf: [{ $ref: '#/components/schemas/A' }] }\n",
      ),
      'error',
    ],
  ];
  return cases.map(([n, spec, expect]) => ({
    name: `deep-nesting/${n}`,
    kind: 'deep-nesting',
    spec: bytes(spec),
    expect,
  }));
}

/** Names that are keywords, primitives, globals, runtime exports, prototype keys, or not identifiers. */
export const HOSTILE_NAMES = [
  'string',
  'number',
  'boolean',
  'undefined',
  'null',
  'never',
  'class',
  'default',
  'function',
  'await',
  'yield',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'then',
  'Record',
  'Promise',
  'Error',
  'Array',
  'Object',
  'Date',
  'APIError',
  'Telnyx',
  'Models',
  'Uploadable',
  '1st',
  'a b',
  'a.b',
  'a/b',
  'a-b',
  'ü',
  '🎉',
  '$',
  '_',
  'import',
  'export',
  'package',
  'interface',
  'delete',
  'new',
  'enum',
];

function hostileNames(): FuzzCase[] {
  const schemas = HOSTILE_NAMES.map((n, i) => {
    const props = HOSTILE_NAMES.slice(i, i + 6)
      .map((p) => `${JSON.stringify(p)}: { type: string }`)
      .join(', ');
    return `    ${JSON.stringify(n)}: { type: object, required: [${JSON.stringify(HOSTILE_NAMES[i])}], properties: { ${props} } }\n`;
  }).join('');
  const ref = (n: string) =>
    `{ $ref: ${JSON.stringify(`#/components/schemas/${n.replace(/~/g, '~0').replace(/\//g, '~1')}`)} }`;
  const ops = HOSTILE_NAMES.slice(0, 24).map(
    (n, i) =>
      `  /${encodeURIComponent(n).replace(/%/g, '')}${i}/{${['id', 'class', 'default', 'constructor'][i % 4]}}:\n    post:\n      operationId: ${JSON.stringify(n)}\n      tags: [${JSON.stringify(HOSTILE_NAMES[(i + 7) % HOSTILE_NAMES.length])}]\n      parameters:\n        - { name: ${['id', 'class', 'default', 'constructor'][i % 4]}, in: path, required: true, schema: { type: string } }\n        - { name: ${JSON.stringify(n)}, in: query, schema: { type: string } }\n        - { name: ${JSON.stringify(`X-${i}`)}, in: header, schema: { type: string } }\n      requestBody: { required: true, content: { application/json: { schema: ${ref(n)} } } }\n      responses: { '200': { description: ok, content: { application/json: { schema: ${ref(HOSTILE_NAMES[(i + 3) % HOSTILE_NAMES.length])} } } } }\n`,
  );
  const spec = `${HEADER}paths:\n${ops.join('')}components:\n  schemas:\n${schemas}`;
  const enums = withA(
    `{ type: object, required: [e], properties: { e: { type: string, enum: ${JSON.stringify(HOSTILE_NAMES)} } } }`,
  );
  return [
    { name: 'hostile-names/everywhere', kind: 'hostile-names', spec: bytes(spec), expect: 'ok' },
    { name: 'hostile-names/enum-values', kind: 'hostile-names', spec: bytes(enums), expect: 'ok' },
  ];
}

// ---------------------------------------------------------------------------------------------
// Slices of the real spec.

/** `count` paths of the real spec, chosen by `r`, with every component they reach. */
export function sliceOf(spec: any, r: Random, count: number): any {
  const paths = Object.keys(spec.paths).sort();
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, paths.length)) chosen.add(r.pick(paths));
  const slice: any = {
    openapi: spec.openapi,
    info: spec.info,
    servers: spec.servers,
    paths: Object.fromEntries([...chosen].sort().map((p) => [p, spec.paths[p]])),
    components: { securitySchemes: spec.components?.securitySchemes ?? {} },
  };
  const queue = [slice.paths];
  while (queue.length) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const ref = (v as any).$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/')) {
        const [section, name] = ref.split('/').slice(2, 4);
        const key = name.replace(/~1/g, '/').replace(/~0/g, '~');
        slice.components[section] ??= {};
        if (!(key in slice.components[section])) {
          slice.components[section][key] = spec.components[section][key];
          queue.push(spec.components[section][key]);
        }
      }
      Object.values(v).forEach(walk);
    };
    walk(queue.pop());
  }
  return clone(slice);
}

// ---------------------------------------------------------------------------------------------

export interface Catalogue {
  cases: FuzzCase[];
  /** Cases whose packages get tsc and whose skills get every checker (a few: each costs seconds). */
  representative: string[];
}

export function fuzzCases(seed: number, realSpec: any): Catalogue {
  const r = random(seed);
  const text = readFileSync(join(FIXTURES, 'petstore.yml'), 'utf8');
  const doc = parse(text);
  const cases: FuzzCase[] = [
    ...truncations('petstore', text, r, 6),
    ...byteFlips('petstore', text, r, 8),
    ...deletedComponents('petstore', doc, r, 2),
    ...duplicateKeys('petstore', text, r, 4),
    ...tabs('petstore', text, r, 4),
    ...encodings(text),
    ...aliasBombs(),
    ...hugeBounds(),
    ...deepNesting(),
    ...hostileNames(),
  ];
  for (const [i, payload] of PAYLOADS.entries()) {
    cases.push({
      name: `injection/values-${i}`,
      kind: 'injection',
      spec: bytes(yaml(injectValues(doc, payload))),
      expect: 'ok',
      payloads: [payload],
    });
    cases.push({
      name: `injection/names-${i}`,
      kind: 'injection',
      spec: bytes(yaml(injectNames(doc, payload))),
      expect: 'ok',
      payloads: [payload],
    });
  }
  const all = PAYLOADS.join(' ');
  cases.push({
    name: 'injection/all-payloads',
    kind: 'injection',
    spec: bytes(yaml(injectNames(injectValues(doc, all), all))),
    expect: 'ok',
    payloads: PAYLOADS,
  });
  for (let s = 0; s < 4; s++) {
    const slice = sliceOf(realSpec, r, 6);
    const sliceText = yaml(slice);
    const name = `slice${s}`;
    cases.push({ name: `slice/${name}`, kind: 'slice', spec: bytes(sliceText), expect: 'ok' });
    const payload = PAYLOADS[s % PAYLOADS.length];
    cases.push({
      name: `slice/${name}-injected`,
      kind: 'slice',
      spec: bytes(yaml(injectNames(injectValues(slice, payload), payload))),
      expect: 'ok',
      payloads: [payload],
    });
    cases.push(
      ...truncations(name, sliceText, r, 2),
      ...byteFlips(name, sliceText, r, 2),
      ...deletedComponents(name, slice, r, 1),
      ...duplicateKeys(name, sliceText, r, 1),
      ...tabs(name, sliceText, r, 1),
    );
  }
  return {
    cases,
    representative: [
      'injection/all-payloads',
      'hostile-names/everywhere',
      'slice/slice0-injected',
      'deep-nesting/allof-chain-300',
    ],
  };
}

/**
 * Findings about the spec itself that do not stop the run: they go to output/lint.json and are
 * printed as warnings with their location. Each rule is a small function over the whole document.
 */
import { pointerOf, type LintFinding } from '../errors.ts';
import { isPlainObject } from '../util/objects.ts';
import type { ParsedFile } from './parse.ts';
import { HTTP_METHODS } from './structure.ts';
import { getAt } from './refs.ts';
import { exampleProblem } from './validate-example.ts';
import { lintMockResponses } from './lint-responses.ts';
import { placeholderIn } from '../examples/realistic.ts';
import { MAX_EXAMPLE_ITEMS, MAX_EXAMPLE_LENGTH } from '../examples/limits.ts';

/**
 * Formats from the OpenAPI format registry and JSON Schema. Not `url`: tools disagree on it (Prism's
 * sampler writes "string" for it and its validator then rejects that), so it is flagged; use `uri`.
 */
const KNOWN_FORMATS = new Set(
  (
    'base64url binary byte char commonmark date-time date decimal decimal128 double duration email float hostname ' +
    'html http-date idn-email idn-hostname int8 int16 int32 int64 uint8 ipv4 ipv6 iri iri-reference json-pointer ' +
    'media-range password regex relative-json-pointer time uri uri-reference uri-template uuid'
  ).split(' '),
);

type Report = (rule: string, path: (string | number)[], message: string) => void;

export function lintSpec(doc: ParsedFile): LintFinding[] {
  const findings: LintFinding[] = [];
  const report: Report = (rule, path, message) => {
    const pointer = pointerOf(path);
    findings.push({ rule, message, pointer, where: doc.locate(pointer) });
  };
  const spec = doc.data as Record<string, any>;
  lintOperations(spec, report);
  lintSchemaValues(spec, report);
  lintMockResponses(spec, report);
  return findings.sort((a, b) => a.rule.localeCompare(b.rule) || a.pointer.localeCompare(b.pointer));
}

function resolveParam(spec: unknown, p: any): any {
  return p && typeof p.$ref === 'string' ? getAt(spec, p.$ref.slice(1)) : p;
}

function lintOperations(spec: Record<string, any>, report: Report) {
  const firstUse = new Map<string, string>();
  const serverEndsInV2 = (spec.servers ?? []).some((s: any) => /\/v2\/?$/.test(s?.url ?? ''));
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    if (serverEndsInV2 && /^\/v2(\/|$)/.test(path)) {
      report(
        'doubled-version-prefix',
        ['paths', path],
        `path "${path}" repeats /v2, which the server URL already ends with`,
      );
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const at = ['paths', path, method];
      const server = (op.servers ?? item.servers)?.[0]?.url;
      if (typeof server === 'string' && /^wss?:/i.test(server)) {
        report(
          'websocket-operation',
          [...at, 'servers'],
          `operation is served over ${server.split(':')[0]}:, which an HTTP client cannot call; describe it outside the HTTP paths`,
        );
      }
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        for (const mediaType of Object.keys(response?.content ?? {})) {
          if (!/^[\w.+-]+\/[\w.+*-]+/.test(mediaType) && mediaType !== '*/*') {
            report(
              'invalid-media-type',
              [...at, 'responses', status, 'content', mediaType],
              `"${mediaType}" is not a media type (type/subtype)`,
            );
          }
        }
      }
      if (typeof op.operationId === 'string') {
        const previous = firstUse.get(op.operationId);
        if (previous)
          report(
            'duplicate-operation-id',
            [...at, 'operationId'],
            `operationId "${op.operationId}" is also used by ${previous}`,
          );
        else firstUse.set(op.operationId, `${method.toUpperCase()} ${path}`);
      }
      const declared = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p) => resolveParam(spec, p))
        .filter((p) => p?.in === 'path')
        .map((p) => p.name as string);
      for (const name of templated) {
        if (!declared.includes(name))
          report('undeclared-path-parameter', at, `path parameter "${name}" is not declared`);
      }
      // Object query parameters without a style: reported by the model, where the convention is applied.
      for (const name of new Set(declared)) {
        if (!templated.includes(name))
          report(
            'unused-path-parameter',
            at,
            `path parameter "${name}" is declared but not in the path; the SDK leaves it out`,
          );
      }
    }
  }
}

/** Keys under which a schema still describes the same field (`items` of `phone_numbers`). */
const SAME_FIELD = new Set(['schema', 'items', 'allOf', 'oneOf', 'anyOf']);

/**
 * Walks every node: formats on schemas, and `example`s against the schema they illustrate and the
 * field they illustrate (`field`: the property or parameter name, for placeholder examples).
 */
function lintSchemaValues(spec: Record<string, any>, report: Report) {
  const resolve = (ref: string) => getAt(spec, ref.slice(1));
  const path: (string | number)[] = [];
  const walk = (node: any, field: string | undefined) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => descend(i, child, field));
      return;
    }
    if (!isPlainObject(node)) return;
    const parameter = typeof node.in === 'string' && typeof node.name === 'string';
    if (parameter) field = node.name as string;
    if (typeof node.format === 'string' && path[path.length - 1] !== 'properties') {
      if (!KNOWN_FORMATS.has(node.format))
        report('unknown-format', [...path, 'format'], `unknown format "${node.format}"`);
    }
    if (path[path.length - 1] !== 'properties') lintBounds(node, path, report);
    // A media type's named examples are what mock servers return: each must fit the schema.
    if (isPlainObject(node.examples) && isPlainObject(node.schema) && path[path.length - 2] === 'content') {
      for (const [name, raw] of Object.entries<any>(node.examples)) {
        const entry = raw && typeof raw.$ref === 'string' ? resolve(raw.$ref) : raw;
        if (!isPlainObject(entry) || !('value' in entry)) continue;
        const problem = exampleProblem(entry.value, node.schema, resolve);
        if (problem)
          report(
            'invalid-example',
            [...path, 'examples', name],
            `example "${name}" is invalid for its schema: ${problem}`,
          );
      }
    }
    // Mock servers (and users reading the docs) take `default` as a value of the schema.
    if ('default' in node && path[path.length - 1] !== 'properties' && looksLikeSchema(node)) {
      const problem = exampleProblem(node.default, node, resolve);
      if (problem)
        report('invalid-default', [...path, 'default'], `default is invalid for its schema: ${problem}`);
    }
    if ('example' in node && path[path.length - 1] !== 'properties') {
      const schema = isPlainObject(node.schema) ? node.schema : looksLikeSchema(node) ? node : undefined;
      const problem = schema ? exampleProblem(node.example, schema, resolve) : undefined;
      if (problem)
        report('invalid-example', [...path, 'example'], `example is invalid for its schema: ${problem}`);
    }
    // An example that only stands in for a value (`to: "+E.164"`, `name: name`): the docs cannot show
    // it (the generator makes up a realistic value instead), and the spec should give a real one.
    const illustrated = 'example' in node || (parameter && isPlainObject(node.examples));
    if (field !== undefined && illustrated && path[path.length - 1] !== 'properties') {
      // An enum member is a value the schema itself lists (`privacy: id`), never a stand-in.
      const listed = [node.enum, (node.schema as any)?.enum].find(Array.isArray) ?? [];
      const check = (example: unknown, at: (string | number)[]) => {
        const why = listed.includes(example) ? undefined : placeholderIn(example, field!);
        if (why)
          report(
            'placeholder-example',
            at,
            `example ${JSON.stringify(example)} of "${field}" is a placeholder (${why}); give a value a caller would send`,
          );
      };
      if ('example' in node) check(node.example, [...path, 'example']);
      if (parameter && isPlainObject(node.examples))
        for (const [name, entry] of Object.entries<any>(node.examples))
          if (isPlainObject(entry) && 'value' in entry)
            check(entry.value, [...path, 'examples', name, 'value']);
    }
    // A property's or component schema's own name is the field its example illustrates.
    const inProperties =
      path[path.length - 1] === 'properties' ||
      (path.length === 2 && path.join('/') === 'components/schemas');
    for (const key of Object.keys(node)) {
      // `examples` maps hold free-form values; `example` values are data, not schemas.
      if (key === 'example' || key === 'examples' || key === 'default' || key === 'enum') continue;
      descend(key, node[key], inProperties ? key : SAME_FIELD.has(key) ? field : undefined);
    }
  };
  const descend = (key: string | number, child: unknown, field: string | undefined) => {
    if (typeof child !== 'object' || child === null) return;
    path.push(key);
    walk(child, field);
    path.pop();
  };
  walk(spec, undefined);
}

/** Lower bounds no example can meet: example values are capped (generator/examples/limits.ts). */
const EXAMPLE_CAPS: [string, number, string][] = [
  ['minLength', MAX_EXAMPLE_LENGTH, 'characters'],
  ['minItems', MAX_EXAMPLE_ITEMS, 'items'],
];

function lintBounds(node: Record<string, unknown>, path: (string | number)[], report: Report) {
  for (const [keyword, cap, unit] of EXAMPLE_CAPS) {
    const bound = node[keyword];
    if (typeof bound === 'number' && bound > cap)
      report(
        'absurd-bound',
        [...path, keyword],
        `${keyword}: ${bound} asks for more than any example shows (at most ${cap} ${unit}); the examples in the docs will not meet it`,
      );
  }
}

function looksLikeSchema(node: Record<string, unknown>): boolean {
  return ['type', 'properties', 'items', 'enum', 'allOf', 'oneOf', 'anyOf', '$ref', 'format'].some(
    (k) => k in node,
  );
}

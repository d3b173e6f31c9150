/**
 * Checks the parts of the OpenAPI structure the model relies on, so that later stages can read the
 * document without defensive code. Each failure names the JSON pointer (and line:col) and the fix.
 */
import { InputError, pointerOf } from '../errors.ts';
import { isPlainObject } from '../util/objects.ts';
import type { ParsedFile } from './parse.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'];

export function checkStructure(doc: ParsedFile): void {
  const root = doc.data;
  const fail = (path: (string | number)[], message: string, fix: string): never => {
    throw new InputError(message, doc.locate(pointerOf(path)), fix);
  };
  if (root === null || root === undefined)
    fail([], 'the spec is empty', 'provide an OpenAPI 3.x document (openapi, info, paths)');
  if (!isPlainObject(root))
    fail(
      [],
      `the spec is ${Array.isArray(root) ? 'a list' : `a single ${typeof root}`}, not a mapping`,
      'provide an OpenAPI 3.x document: a mapping with openapi, info and paths',
    );
  const spec = root as Record<string, any>;
  if (typeof spec.openapi !== 'string' || !/^3\./.test(spec.openapi)) {
    fail(
      ['openapi'],
      `unsupported or missing openapi version ${JSON.stringify(spec.openapi ?? null)}`,
      'set `openapi: 3.1.0` (or 3.0.x)',
    );
  }
  if (!isPlainObject(spec.paths))
    fail(['paths'], '`paths` is missing or not a mapping', 'add a `paths` mapping');
  if (spec.components !== undefined && !isPlainObject(spec.components))
    fail(['components'], '`components` must be a mapping', 'fix `components`');
  for (const [section, value] of Object.entries<unknown>(spec.components ?? {})) {
    if (!section.startsWith('x-') && !isPlainObject(value))
      fail(
        ['components', section],
        `\`components.${section}\` must be a mapping`,
        'make it a mapping of names',
      );
  }
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    if (!path.startsWith('/'))
      fail(['paths', path], `path "${path}" does not start with "/"`, 'start every path with "/"');
    if (!isPlainObject(item))
      fail(['paths', path], 'path item is not a mapping', 'make it a mapping of HTTP methods');
    checkParameters(item.parameters, ['paths', path, 'parameters'], fail);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const at = ['paths', path, method];
      if (!isPlainObject(op)) fail(at, 'operation is not a mapping', 'make the operation a mapping');
      if (!isPlainObject(op.responses))
        fail([...at, 'responses'], 'operation has no `responses`', 'declare at least one response');
      checkParameters(op.parameters, [...at, 'parameters'], fail);
    }
  }
}

function checkParameters(
  list: unknown,
  at: (string | number)[],
  fail: (p: (string | number)[], m: string, f: string) => never,
) {
  if (list === undefined) return;
  if (!Array.isArray(list)) fail(at, '`parameters` must be a list', 'make `parameters` a list');
  (list as unknown[]).forEach((param, i) => {
    if (!isPlainObject(param))
      fail([...at, i], 'parameter is not a mapping', 'make it a mapping with name and in');
    const p = param as Record<string, unknown>;
    if (typeof p.$ref === 'string') return;
    if (typeof p.name !== 'string') fail([...at, i], 'parameter has no `name`', 'give the parameter a name');
    if (!PARAMETER_LOCATIONS.includes(p.in as string)) {
      fail(
        [...at, i, 'in'],
        `parameter "${String(p.name)}" has invalid \`in\`: ${JSON.stringify(p.in ?? null)}`,
        'use path, query, header or cookie',
      );
    }
  });
}

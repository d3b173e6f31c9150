/**
 * The package's own tests: one vitest file per resource, one test per operation, calling it with its
 * required parameters (the same example values the skill docs show) against a mock server of the
 * spec (`TEST_API_BASE_URL`, e.g. `prism mock openapi.yml`). A call passes on a 2xx response with no
 * `sl-violations` header, i.e. the mock found the request valid for the spec.
 */
import type { Operation, Resource, TypeNode } from '../../model/index.ts';
import type { Example } from '../../examples/examples.ts';
import type { Surface } from '../../surface/index.ts';
import { stringLiteral } from './doc-comment.ts';
import { printLiteral, rawCode, RawCode, type Literal } from './layout-code.ts';
import { PRINT_WIDTH } from './type-expr.ts';
import { resourceFile } from './layout.ts';

const HEADER = '// File generated from the Telnyx OpenAPI spec by telnyx-codegen. Do not edit.\n';

/** `tests/api-resources/<resource path>.test.ts` for each resource with operations, plus the shared setup. */
export function renderOperationTests(
  resources: Resource[],
  ops: Map<string, Operation>,
  surface: Surface,
): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tests/setup.ts', SETUP);
  // Its own config, so a vitest found further up the tree does not impose its test globs.
  files.set(
    'vitest.config.mjs',
    `${HEADER}// Not isolated: every test file shares one load of the client instead of compiling it again.\nexport default { test: { include: ['tests/**/*.test.ts'], testTimeout: 30_000, pool: 'threads', isolate: false } };\n`,
  );
  const visit = (resource: Resource) => {
    if (resource.operations.length > 0) {
      const path = resourceFile(resource.chain, resource.children.length > 0)
        .replace(/^src\/resources\//, 'tests/api-resources/')
        .replace(/\.ts$/, '.test.ts');
      const up = '../'.repeat(path.split('/').length - 2);
      const cases = resource.operations.map((key) => testCase(ops.get(key)!, surface)).join('\n');
      files.set(
        path,
        `${HEADER}\nimport { describe, it } from 'vitest';\nimport { client, expectAccepted, upload } from '${up}setup.js';\n\ndescribe(${stringLiteral(resource.chain.join('.'))}, () => {\n${cases}});\n`,
      );
    }
    resource.children.forEach(visit);
  };
  resources.forEach(visit);
  return files;
}

function testCase(op: Operation, surface: Surface): string {
  const input = surface.get(op.key)!.example;
  const args: Literal[] = [];
  if (input.positional) args.push(literal(input.positional.value));
  const fields: [string, Literal][] = input.fields.map((f) => [f.wire, literal(f.value)]);
  const body = input.wholeBody && literal(input.wholeBody);
  if (body !== undefined && input.bodyArg) args.push(body);
  else if (body !== undefined) fields.push(['body', body]);
  if (fields.length) args.push(Object.fromEntries(fields));
  else if (input.hasParams && !input.positional && !input.bodyArg) args.push({});
  const title = stringLiteral(`${op.key} (${op.names.method})`);
  return `  it(${title}, async () => {\n${printStatementCall('    const call = ', op.names.ts, args)}\n    await expectAccepted(call);\n  });\n`;
}

/**
 * `<lead><callee>(args);` in prettier's layout: one line when it fits, else a last object argument
 * is hugged (`callee(a, {` ... `});`), else one argument per line.
 */
function printStatementCall(lead: string, callee: string, args: Literal[]): string {
  const flat = printLiteral(args, '', '', '');
  const line = `${lead}${callee}(${flat.slice(1, -1)});`;
  if (line.length <= PRINT_WIDTH && !line.includes('\n')) return line;
  const indent = lead.match(/^ */)![0];
  const last = args[args.length - 1];
  const before = args
    .slice(0, -1)
    .map((a) => printLiteral(a, '', '', ''))
    .join(', ');
  const open = `${lead}${callee}(${before ? `${before}, ` : ''}`;
  const isObject =
    last !== undefined && typeof last === 'object' && !Array.isArray(last) && !(last instanceof RawCode);
  if (
    isObject &&
    Object.keys(last).length > 0 &&
    `${open}{`.length <= PRINT_WIDTH &&
    !before.includes('\n')
  ) {
    // The object opens on the call's line and closes with it: `callee(a, {` ... `});`.
    return `${open}${printLiteral(last, indent, '', ');', true).slice(indent.length)}`;
  }
  return `${lead}${callee}(\n${args.map((a) => printLiteral(a, `${indent}  `, '', ',')).join('\n')}\n${indent});`;
}

/** An example value as a data literal; uploads become a call to the suite's in-memory file. */
function literal(example: Example): Literal {
  switch (example.kind) {
    case 'string':
      return example.value;
    case 'integer':
    case 'number':
    case 'boolean':
      return example.value;
    case 'null':
      return rawCode('null');
    case 'file':
      return rawCode('upload()');
    case 'array':
      return example.items.map(literal);
    case 'object':
      return Object.fromEntries(example.fields.map((f) => [f.name, literal(f.value)]));
  }
}

const SETUP = `${HEADER}
import { expect } from 'vitest';
import Telnyx, { APIError } from '../src/index.js';

const baseURL = process.env.TEST_API_BASE_URL;
if (!baseURL)
  throw new Error('Set TEST_API_BASE_URL to a mock server of the spec (e.g. prism mock openapi.yml).');

/** No retries: a mock answers at once, and a retried 4xx would hide the first answer. */
export const client = new Telnyx({
  apiKey: process.env.TELNYX_API_KEY ?? 'test-key',
  baseURL,
  maxRetries: 0,
});

/** A small file for multipart uploads. */
export const upload = () =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'example.pdf', { type: 'application/pdf' });

/** The mock accepted the request: a 2xx, and no request violations (the sl-violations header) reported. */
export async function expectAccepted(call: { asResponse(): Promise<Response> }): Promise<void> {
  let status: number | undefined;
  let violations: string | null = null;
  try {
    const response = await call.asResponse();
    status = response.status;
    violations = response.headers.get('sl-violations');
    await response.body?.cancel();
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    status = error.status;
    // Prism reports some rejections only in a problem+json body (\`validation\`), not in the header.
    const body = error.error as { validation?: unknown } | undefined;
    violations =
      error.headers?.get('sl-violations') ?? (body?.validation ? JSON.stringify(body.validation) : null);
  }
  // The message is the report line: status, and the mock's own account of what it rejected.
  const accepted = status !== undefined && status >= 200 && status < 300 && violations === null;
  expect(accepted, \`status \${status ?? 'none'}; sl-violations: \${violations ?? 'none'}\`).toBe(true);
}
`;

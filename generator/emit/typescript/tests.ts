/**
 * The package's own tests: one vitest file per resource, one test per operation, calling it with its
 * required parameters (the same example values the skill docs show) against a mock server of the
 * spec (`TEST_API_BASE_URL`, e.g. `prism mock openapi.yml`). A call passes on a 2xx response with no
 * `sl-violations` header, i.e. the mock found the request valid for the spec.
 */
import type { Operation, Resource, TypeNode } from '../../model/index.ts';
import { callInput } from '../examples/inputs.ts';
import type { Example, ExampleEnv } from '../examples/examples.ts';
import { stringLiteral, propertyKey } from './doc-comment.ts';
import { resourceFile } from './layout.ts';

const HEADER = '// File generated from the Telnyx OpenAPI spec by telnyx-codegen. Do not edit.\n';

/** `tests/api-resources/<resource path>.test.ts` for each resource with operations, plus the shared setup. */
export function renderOperationTests(resources: Resource[], ops: Map<string, Operation>, env: ExampleEnv): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tests/setup.ts', SETUP);
  // Its own config, so a vitest found further up the tree does not impose its test globs.
  files.set('vitest.config.mjs', `${HEADER}// Not isolated: every test file shares one load of the client instead of compiling it again.\nexport default { test: { include: ['tests/**/*.test.ts'], testTimeout: 30_000, pool: 'threads', isolate: false } };\n`);
  const visit = (resource: Resource) => {
    if (resource.operations.length > 0) {
      const path = resourceFile(resource.chain, resource.children.length > 0).replace(/^src\/resources\//, 'tests/api-resources/').replace(/\.ts$/, '.test.ts');
      const up = '../'.repeat(path.split('/').length - 2);
      const cases = resource.operations.map((key) => testCase(ops.get(key)!, env)).join('\n');
      files.set(path, `${HEADER}\nimport { describe, it } from 'vitest';\nimport { client, expectAccepted, upload } from '${up}setup.js';\n\ndescribe(${stringLiteral(resource.chain.join('.'))}, () => {\n${cases}});\n`);
    }
    resource.children.forEach(visit);
  };
  resources.forEach(visit);
  return files;
}

function testCase(op: Operation, env: ExampleEnv): string {
  const input = callInput(op, env);
  const args: string[] = [];
  if (input.positional) args.push(literal(input.positional.value));
  const fields = input.fields.map((f) => `${propertyKey(f.wire)}: ${literal(f.value)}`);
  if (input.wholeBody) fields.push(`body: ${literal(input.wholeBody)}`);
  if (fields.length) args.push(`{ ${fields.join(', ')} }`);
  else if (input.hasParams && !input.positional) args.push('{}');
  const call = `${op.names.ts}(${args.join(', ')})`;
  return `  it(${stringLiteral(`${op.key} (${op.names.method})`)}, async () => {\n    await expectAccepted(() => ${call}.asResponse());\n  });\n`;
}

/** A JS literal for an example value; uploads become a small in-memory file. */
function literal(example: Example): string {
  switch (example.kind) {
    case 'string':
      return stringLiteral(example.value);
    case 'integer':
    case 'number':
      return String(example.value);
    case 'boolean':
      return String(example.value);
    case 'null':
      return 'null';
    case 'file':
      return 'upload()';
    case 'array':
      return `[${example.items.map(literal).join(', ')}]`;
    case 'object':
      return `{ ${example.fields.map((f) => `${propertyKey(f.name)}: ${literal(f.value)}`).join(', ')} }`;
  }
}

const SETUP = `${HEADER}
import { expect } from 'vitest';
import Telnyx, { APIError } from '../src/index.js';

const baseURL = process.env.TEST_API_BASE_URL;
if (!baseURL) throw new Error('Set TEST_API_BASE_URL to a mock server of the spec (e.g. prism mock openapi.yml).');

/** No retries: a mock answers at once, and a retried 4xx would hide the first answer. */
export const client = new Telnyx({ apiKey: process.env.TELNYX_API_KEY ?? 'test-key', baseURL, maxRetries: 0 });

/** A small file for multipart uploads. */
export const upload = () => new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'example.pdf', { type: 'application/pdf' });

/** The mock accepted the request: a 2xx, and no request violations (the sl-violations header) reported. */
export async function expectAccepted(call: () => Promise<Response>): Promise<void> {
  let status: number | undefined;
  let violations: string | null = null;
  try {
    const response = await call();
    status = response.status;
    violations = response.headers.get('sl-violations');
    await response.body?.cancel();
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    status = error.status;
    // Prism reports some rejections only in a problem+json body (\`validation\`), not in the header.
    const body = error.error as { validation?: unknown } | undefined;
    violations = error.headers?.get('sl-violations') ?? (body?.validation ? JSON.stringify(body.validation) : null);
  }
  // The message is the report line: status, and the mock's own account of what it rejected.
  const accepted = status !== undefined && status >= 200 && status < 300 && violations === null;
  expect(accepted, \`status \${status ?? 'none'}; sl-violations: \${violations ?? 'none'}\`).toBe(true);
}
`;

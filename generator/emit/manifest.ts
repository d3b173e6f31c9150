/**
 * output/manifest.json: one entry per public operation, a projection of the model that other tools
 * (change reports, docs checks) read without running the generator.
 */
import type { Api, Operation, TypeNode } from '../model/index.ts';

export interface ManifestEntry {
  method: string;
  path: string;
  operationId: string | null;
  product: string;
  deprecated: boolean;
  pagination: string | null;
  accessors: { ts: string; python: string; ruby: string; go: string; java: string };
  /** Every input the operation takes: path, query, header and body fields. */
  params: { name: string; in: string; required: boolean }[];
}

export function manifestEntries(
  api: Api,
  resolve: (n: TypeNode) => TypeNode,
  includeHidden: boolean,
): ManifestEntry[] {
  return api.operations
    .filter((op) => includeHidden || !op.hidden)
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
    .map((op) => ({
      method: op.method.toUpperCase(),
      path: op.path,
      operationId: op.operationId ?? null,
      product: op.product,
      deprecated: op.deprecated,
      pagination: op.pagination?.style ?? null,
      accessors: {
        ts: op.names.ts,
        python: op.names.python,
        ruby: op.names.ruby,
        go: op.names.go,
        java: op.names.java,
      },
      params: paramSummary(op, resolve),
    }));
}

function paramSummary(op: Operation, resolve: (n: TypeNode) => TypeNode) {
  const params: ManifestEntry['params'] = op.params.map((p) => ({
    name: p.name,
    in: p.in,
    required: p.required,
  }));
  const json = op.body?.contents[0];
  const body = json ? resolve(json.type) : undefined;
  if (body?.kind === 'object') {
    for (const field of body.properties) {
      if (!field.readOnly) params.push({ name: field.name, in: 'body', required: field.required });
    }
  }
  return params;
}

export function renderManifest(api: Api, resolve: (n: TypeNode) => TypeNode, includeHidden: boolean): string {
  const operations = manifestEntries(api, resolve, includeHidden);
  const manifest = {
    title: api.title,
    version: api.version,
    specSha256: api.specSha256,
    count: operations.length,
    operations,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

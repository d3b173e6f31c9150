/**
 * output/manifest.json: one entry per public operation, a projection of the model that other tools
 * (change reports, docs checks) read without running the generator.
 */
import type { Api, Operation } from '../model/index.ts';
import type { Surface } from '../surface/index.ts';

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

export function manifestEntries(api: Api, surface: Surface): ManifestEntry[] {
  return api.operations
    .filter((op) => surface.has(op.key))
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
      params: paramSummary(op, surface),
    }));
}

/** Every parameter, then the body's own fields when the body is an object (the SDK's params members). */
function paramSummary(op: Operation, surface: Surface) {
  const params: ManifestEntry['params'] = op.params.map((p) => ({
    name: p.name,
    in: p.in,
    required: p.required,
  }));
  const body = surface.get(op.key)!.body;
  if (body.kind === 'fields')
    for (const field of body.properties)
      params.push({ name: field.name, in: 'body', required: field.required });
  return params;
}

export function renderManifest(api: Api, surface: Surface): string {
  const operations = manifestEntries(api, surface);
  const manifest = {
    title: api.title,
    version: api.version,
    specSha256: api.specSha256,
    count: operations.length,
    operations,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

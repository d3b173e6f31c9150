/**
 * `output/typescript/api.md`: the package's method index, in the official SDK's format (the same
 * format the names lock reads), so the next release can lock this one's names.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api, Operation, Resource } from '../../model/index.ts';
import type { MethodSignature, OperationSurface, Surface } from '../../surface/index.ts';
import { className, resourceFile } from './layout.ts';
import { WEBHOOK_TYPES_FILE } from './webhook-types.ts';

interface ResourceView {
  heading: string;
  title: string;
  file: string;
  types: string[];
  methods: { verb: string; path: string; chain: string; name: string; args: string; returns: string }[];
}

export function renderApiMd(api: Api, surface: Surface, templatesDir: string): string {
  const hbs = Handlebars.create();
  const template = hbs.compile(readFileSync(join(templatesDir, 'typescript/api.md.hbs'), 'utf8'), {
    noEscape: false,
    strict: true,
  });
  const byKey = new Map(api.operations.map((op) => [op.key, op]));
  const views: ResourceView[] = [];
  const visit = (resource: Resource) => {
    const ops = resource.operations.map((k) => byKey.get(k)!);
    const methods = ops.flatMap((op) => methodViews(op, surface.get(op.key)!));
    views.push({
      heading: '#'.repeat(Math.min(resource.chain.length, 6)),
      title: className(resource.name),
      file: resourceFile(resource.chain, resource.children.length > 0),
      types: [...new Set(methods.map((m) => m.returns).filter((t) => t !== 'void'))],
      methods,
    });
    resource.children.forEach(visit);
  };
  api.resources.forEach(visit);
  // The webhook types (webhook-types.ts), listed as the official index lists them, so that a names
  // lock made from this file keeps their names (naming/webhooks.ts reads these lines).
  if (api.webhooks.length)
    views.push({
      heading: '#',
      title: 'Webhooks',
      file: WEBHOOK_TYPES_FILE,
      types: [
        ...api.webhooks.map((w) => w.typeName),
        ...api.webhooks.flatMap((w) => (w.data ? [w.data.typeName] : [])),
        'UnwrapWebhookEvent',
        'UnsafeUnwrapWebhookEvent',
      ],
      methods: [],
    });
  return (
    template({ resources: views })
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

/**
 * The operation's aliases, then its own method: a names lock reads the last plain line of an
 * operation as its method (naming/lock.ts), so the order keeps the primary name across releases. A
 * variant that sends another body kind is marked in its title (`post /documents?content-type=multipart`).
 */
function methodViews(op: Operation, surfaced: OperationSurface) {
  const line = (name: string, signature: MethodSignature, bodyKind?: string) => ({
    // Recorded so the next release can keep this name when the operation moves path (naming/moved.ts).
    operationId: bodyKind ? undefined : op.operationId && escapeTitle(op.operationId),
    verb: op.method,
    // Escaped here, not by the template: handlebars would also escape the `=` of the query.
    path: escapeTitle(bodyKind ? `${op.path}?content-type=${bodyKind}` : op.path),
    chain: op.names.resource.join('.'),
    name,
    args: signature.args,
    returns: op.response.kind === 'none' ? 'void' : signature.responseType,
  });
  const bodyKinds = new Map((op.names.aliases ?? []).map((a) => [a.method, a.bodyKind]));
  return [
    ...surfaced.aliases.map((a) => line(a.method, a.signature, bodyKinds.get(a.method))),
    line(op.names.method, surfaced.signature),
  ];
}

/** Text for a double-quoted HTML attribute. */
const escapeTitle = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

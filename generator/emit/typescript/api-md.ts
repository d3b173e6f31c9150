/**
 * `output/typescript/api.md`: the package's method index, in the official SDK's format (the same
 * format the names lock reads), so the next release can lock this one's names.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api, Operation, Resource } from '../../model/index.ts';
import type { Surface } from '../../surface/index.ts';
import { className, resourceFile } from './layout.ts';

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
    const methods = ops.map((op) => methodView(op, surface));
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
  return (
    template({ resources: views })
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function methodView(op: Operation, surface: Surface) {
  const { signature } = surface.get(op.key)!;
  return {
    verb: op.method,
    path: op.path,
    chain: op.names.resource.join('.'),
    name: op.names.method,
    args: signature.args,
    returns: op.response.kind === 'none' ? 'void' : signature.responseType,
  };
}

/**
 * One resource -> one file: the class with a method per operation and a property per child resource,
 * then each operation's Params/Response types, then the operations' request layouts. Rendered through
 * templates/typescript/resource.ts.hbs; everything spec-derived is escaped before it reaches the template.
 */
import type { Operation, Resource, TypeNode } from '../../model/index.ts';
import { docComment, propertyKey } from './doc-comment.ts';
import { className, resourceFile } from './layout.ts';
import { operationTypes } from './operation-types.ts';
import { PAGE_CLASSES } from './page-classes.ts';

export interface ResourceView {
  file: string;
  core: string;
  models: string;
  className: string;
  doc: string;
  children: { className: string; property: string; importPath: string }[];
  methods: MethodView[];
  pageClasses: string[];
  usesAPIPromise: boolean;
  usesStream: boolean;
  usesUploadable: boolean;
}

interface MethodView {
  name: string;
  key: string;
  doc: string;
  args: string;
  returnType: string;
  call: string;
  paramsDecl: string;
  responseDecl: string;
  layout: string;
}

export function resourceView(resource: Resource, ops: Map<string, Operation>, typeNames: Map<string, string>, resolve: (n: TypeNode) => TypeNode): ResourceView {
  const file = resourceFile(resource.chain, resource.children.length > 0);
  const depth = file.split('/').length - 1; // folders below the package root
  const up = '../'.repeat(depth - 1);
  const methods = resource.operations.map((key) => methodView(ops.get(key)!, typeNames, resolve));
  const ownDir = file.slice(0, file.lastIndexOf('/'));
  return {
    file,
    core: `${up}core`,
    models: `${up}models.js`,
    className: className(resource.name),
    doc: docComment([`Operations under \`${resource.chain.join('.')}\`.`]),
    children: resource.children.map((child) => {
      const childFile = resourceFile(child.chain, child.children.length > 0);
      return { className: className(child.name), property: propertyKey(child.name), importPath: `./${childFile.slice(ownDir.length + 1).replace(/\.ts$/, '.js')}` };
    }),
    methods,
    pageClasses: [...new Set(resource.operations.flatMap((k) => { const p = ops.get(k)!.pagination; return p ? [PAGE_CLASSES[p.style]] : []; }))].sort(),
    usesAPIPromise: methods.some((m) => m.returnType.startsWith('APIPromise')),
    usesStream: methods.some((m) => m.returnType.includes('Stream<')),
    usesUploadable: methods.some((m) => m.paramsDecl.includes('Uploadable')),
  };
}

function methodView(op: Operation, typeNames: Map<string, string>, resolve: (n: TypeNode) => TypeNode): MethodView {
  const t = operationTypes(op, typeNames, resolve);
  const { signature } = t;
  const args: string[] = [];
  if (signature.positional) args.push(`${signature.positional}: string`);
  if (signature.hasParams) args.push(t.paramsRequired ? `params: ${signature.paramsType}` : `params: ${signature.paramsType} | null | undefined = {}`);
  args.push('options?: RequestOptions');
  const key = propertyKey(op.names.method);
  const described = `describe(OPERATIONS${key === op.names.method ? `.${key}` : `[${key}]`}, ${signature.positional ?? 'undefined'}, ${signature.hasParams ? 'params' : 'undefined'})`;
  const page = op.pagination ? PAGE_CLASSES[op.pagination.style] : undefined;
  const returnType = page ? `PagePromise<${page}<${t.returns}>>` : `APIPromise<${t.returns}>`;
  const call = page
    ? `this._client.getAPIList(${page}<${t.returns}>, ${described}, ${JSON.stringify(op.pagination!.itemsField)}, options)`
    : `this._client.request(${described}, options)`;
  const deprecated = op.deprecated ? '@deprecated' : undefined;
  return {
    name: op.names.method,
    key,
    doc: docComment([op.summary, op.description !== op.summary ? op.description : undefined, deprecated], '  '),
    args: args.join(', '),
    returnType,
    call,
    paramsDecl: t.paramsDecl,
    responseDecl: t.responseDecl,
    layout: t.layout,
  };
}

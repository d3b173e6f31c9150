/**
 * One resource -> one file: the class, and merged with it an interface declaring a method per
 * operation and a property per child resource; then each operation's Params/Response types, then the
 * operations' request layouts, from which the runtime defines the methods (runtime/define.ts: one
 * generated body per method cost the package's type-check more than anything else in it). Rendered
 * through templates/typescript/resource.ts.hbs; everything spec-derived is escaped before it reaches
 * the template.
 */
import type { Operation, Resource, TypeNode } from '../../model/index.ts';
import { docComment, propertyKey } from './doc-comment.ts';
import { childrenCall, printLiteral, printSignature, rawCode, type Literal } from './layout-code.ts';
import { PrintedFile } from './printed-file.ts';
import { className, resourceFile } from './layout.ts';
import { operationTypes, type Scope } from './operation-types.ts';
import type { OperationSurface, Surface } from '../../surface/index.ts';

export interface ResourceView {
  file: string;
  core: string;
  models: string;
  className: string;
  doc: string;
  children: { className: string; name: string; importPath: string }[];
  methods: MethodView[];
  /** `import` lines of the runtime symbols the file references (imports.ts). */
  runtimeImports: string;
  /** The merged interface's members: child resource properties, then methods, blank-line separated. */
  members: string;
  /** `defineChildren(Class, { ... });` when the resource has children. */
  defineChildren: string;
  /** Params/Response declarations, each preceded by a blank line. */
  declarations: string;
  operations: string;
  /** Laid out exactly as prettier would: the format stage may skip it. */
  preformatted: boolean;
}

interface MethodView {
  key: string;
  returnType: string;
  /** The method's signature in the merged interface, doc comment to semicolon, laid out. */
  code: string;
  /** Its Params and Response declarations. */
  decls: string;
  /** Its `OPERATIONS` entry. */
  layout: string;
}

export function resourceView(
  resource: Resource,
  ops: Map<string, Operation>,
  typeNames: Map<string, string>,
  surface: Surface,
  resolve: (n: TypeNode) => TypeNode,
  scope: Scope,
): ResourceView {
  const path = resourceFile(resource.chain, resource.children.length > 0);
  const depth = path.split('/').length - 1; // folders below the package root
  const up = '../'.repeat(depth - 1);
  const file = new PrintedFile();
  file.use('APIResource');
  if (resource.operations.length)
    for (const name of ['OperationSpec', 'defineOperations', 'RequestOptions'] as const) file.use(name);
  if (resource.children.length) file.use('defineChildren');
  const methods = resource.operations.flatMap((key) =>
    methodsOf(ops.get(key)!, surface.get(key)!).map(([op, surfaced]) =>
      methodView(op, surfaced, typeNames, resolve, scope, file),
    ),
  );
  const ownDir = path.slice(0, path.lastIndexOf('/'));
  const children = resource.children.map((child) => {
    const childFile = resourceFile(child.chain, child.children.length > 0);
    return {
      className: className(child.name),
      name: child.name,
      importPath: `./${childFile.slice(ownDir.length + 1).replace(/\.ts$/, '.js')}`,
    };
  });
  const name = className(resource.name);
  return {
    file: path,
    core: `${up}core`,
    models: `${up}models.js`,
    className: name,
    doc: docComment([`Operations under \`${resource.chain.join('.')}\`.`]),
    children,
    methods,
    runtimeImports: file.importLines(`${up}core`),
    // Children one per line, then the methods, each after a blank line (doc comments).
    members: [
      children.map((c) => `  ${propertyKey(c.name)}: ${c.className};`).join('\n'),
      ...methods.map((m) => m.code),
    ]
      .filter(Boolean)
      .join('\n\n'),
    defineChildren: childrenCall(
      name,
      children.map((c) => [c.name, c.className]),
    ),
    declarations: methods.map((m) => (m.decls ? `\n${m.decls}` : '')).join(''),
    operations: methods.map((m) => m.layout).join('\n'),
    preformatted: file.exact,
  };
}

/**
 * The operation's method, then each alias the names lock keeps (OperationNames.aliases), as if it
 * were an operation of its own name: its own types and request layout, the same endpoint.
 */
function methodsOf(op: Operation, surfaced: OperationSurface): [Operation, OperationSurface][] {
  return [
    [op, surfaced],
    ...surfaced.aliases.map((alias): [Operation, OperationSurface] => [
      {
        ...op,
        names: {
          ...op.names,
          method: alias.method,
          ts: ['client', ...op.names.resource, alias.method].join('.'),
        },
      },
      { ...surfaced, signature: alias.signature, members: alias.members, body: alias.body, aliases: [] },
    ]),
  ];
}

function methodView(
  op: Operation,
  surfaced: OperationSurface,
  typeNames: Map<string, string>,
  resolve: (n: TypeNode) => TypeNode,
  scope: Scope,
  file: PrintedFile,
): MethodView {
  const { signature } = surfaced;
  const t = operationTypes(op, surfaced, typeNames, resolve, scope, file);
  const params: string[] = [];
  if (signature.positional)
    params.push(
      `${signature.positional.arg}: ${signature.positional.numeric ? 'string | number' : 'string'}`,
    );
  if (t.bodyArgType) params.push(`body: ${t.bodyArgType}`);
  // An array body alone may be passed bare too (the official index writes such calls `([ ...body ])`).
  const paramsType =
    signature.bodyArg === 'params'
      ? `${signature.paramsType} | ${signature.paramsType}['body']`
      : signature.paramsType;
  if (signature.hasParams)
    params.push(
      signature.paramsRequired
        ? `params: ${paramsType}`
        : // Optional, not `= {}`: the same declaration for callers, and a default initializer costs
          // the type-checker a relation check per method (describe() already treats null as {}).
          `params?: ${paramsType} | null`,
    );
  params.push('options?: RequestOptions');
  const key = propertyKey(op.names.method);
  const page = op.pagination?.pageClass;
  const returnType = page
    ? `PagePromise<${t.page?.name ?? `${page}<${t.returns}>`}>`
    : `APIPromise<${t.returns}>`;
  if (page) {
    file.usePage(page);
    file.use('PagePromise');
  } else file.use('APIPromise');
  if (op.response.kind === 'sse' && !page) file.use('Stream');
  // What the runtime's method reads from its arguments (runtime/define.ts), in the signature's order.
  const args = [
    ...(signature.positional ? ['path'] : []),
    ...(t.bodyArgType ? ['body'] : []),
    ...(signature.hasParams ? ['params'] : []),
  ];
  const layout: Record<string, Literal | undefined> = {
    ...(t.layout as Record<string, Literal | undefined>),
    args: args.length ? args : undefined,
    page: page ? rawCode(page) : undefined,
    items: page ? op.pagination!.itemsField : undefined,
  };
  const deprecated = op.deprecated ? '@deprecated' : undefined;
  const doc = docComment(
    [op.summary, op.description !== op.summary ? op.description : undefined, deprecated],
    '  ',
  );
  return {
    key,
    returnType,
    code: `${doc}${printSignature('  ', key, params, returnType, ';')}`,
    decls: [t.paramsDecl, t.responseDecl, t.page?.decl ?? ''].filter(Boolean).join('\n'),
    layout: printLiteral(layout, '  ', `${key}: `, ','),
  };
}

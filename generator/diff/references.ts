/**
 * How a name in a generated package's sources finds the declaration it means, by syntax alone (no
 * checker): the module's imports, then the enclosing namespaces, then the module; and the keys
 * (`module#Qualified.Name`) of the declarations a node's type references name. declarations.ts
 * reads the surface with these.
 */
import { posix } from 'node:path';
import { ts } from 'ts-morph';

export type Resolver = (name: string, scopes: string[]) => string | undefined;

/** `module#A.B.` scopes a name inside namespace A.B is looked up in, innermost first. */
export function scopesOf(module: string, prefix: string): string[] {
  const parts = prefix.split('.').filter(Boolean);
  return parts.map((_, i) => `${module}#${parts.slice(0, parts.length - i).join('.')}.`).concat(`${module}#`);
}

/**
 * How a dotted name in one module finds its declaration: through its imports (`Models.X` ->
 * `models#X`, an imported class by its module), else in the enclosing namespaces, then the module.
 */
export function resolverOf(
  file: ts.SourceFile,
  module: string,
  /** Every declaration key of the package, known once all modules are read. */
  all: ReadonlyMap<string, unknown>,
): Resolver {
  const aliases = new Map<string, string>(); // local name -> `module#` or `module#Name`
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !s.importClause) continue;
    const target = posix.join(posix.dirname(module), s.moduleSpecifier.text).replace(/\.js$/, '');
    const bindings = s.importClause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) aliases.set(bindings.name.text, `${target}#`);
    else if (bindings && ts.isNamedImports(bindings))
      for (const el of bindings.elements)
        aliases.set(el.name.text, `${target}#${(el.propertyName ?? el.name).text}`);
  }
  return (name, scopes) => {
    const [head, ...rest] = name.split('.');
    const alias = aliases.get(head);
    if (alias) return alias.endsWith('#') ? `${alias}${rest.join('.')}` : [alias, ...rest].join('.');
    return scopes.map((scope) => `${scope}${name}`).find((key) => all.has(key));
  };
}

/** Keys of the declarations named by type references (and heritage clauses) under a node. */
export function referencesIn(node: ts.Node, scopes: string[], resolve: Resolver): string[] {
  const found = new Set<string>();
  const add = (name: string | undefined) => {
    const key = name && resolve(name, scopes);
    // The runtime's types by name: a page class is re-exported under more than one module.
    if (key) found.add(key.startsWith('core/') ? `core#${key.slice(key.indexOf('#') + 1)}` : key);
  };
  const visit = (n: ts.Node) => {
    if (ts.isTypeReferenceNode(n)) add(entityText(n.typeName));
    else if (ts.isExpressionWithTypeArguments(n)) add(expressionText(n.expression));
    ts.forEachChild(n, visit);
  };
  if (ts.isImportEqualsDeclaration(node) && ts.isEntityName(node.moduleReference))
    add(entityText(node.moduleReference));
  else visit(node);
  return [...found].sort();
}

const entityText = (n: ts.EntityName): string =>
  ts.isIdentifier(n) ? n.text : `${entityText(n.left)}.${n.right.text}`;

function expressionText(n: ts.Expression): string | undefined {
  if (ts.isIdentifier(n)) return n.text;
  if (ts.isPropertyAccessExpression(n)) {
    const left = expressionText(n.expression);
    return left && `${left}.${n.name.text}`;
  }
  return undefined;
}

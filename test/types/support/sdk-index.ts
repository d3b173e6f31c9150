/**
 * What the type-level checks need to know of one SDK, read from its own files: the method lines of its
 * api.md (accessor, the resource file its href names, the result it prints) and, from each resource
 * file a line names, parsed with the TypeScript compiler (no type-checking), the classes' methods with
 * the type each takes its params as, and the file's top-level exports. Nothing is listed by hand, so
 * a renamed type or a moved method is read the way the SDK now spells it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

export interface MethodLine {
  /** `client.calls.actions.answer`: what a user writes, the key both SDKs are matched on. */
  accessor: string;
  verb: string;
  path: string;
  /** The argument shape printed in api.md: `(id, { ...params })`. */
  args: string;
  /** The resource file, absolute (the href, resolved against the api.md's folder, `.ts` added). */
  file: string;
  method: string;
  /** The result type api.md prints (`void`, `unknown`, a type or page name). */
  returns: string;
}

// Attributes after the title (ours adds `data-operation-id`) are allowed on both tags.
const LINE =
  /<code title="(\w+) ([^"]+)"[^>]*>(client(?:\.\w+)*)\.<a href="([^"]+)"[^>]*>(\w+)<\/a>(\([^)]*\))(?: -> ([^<]+))?<\/code>/;

/** Every method line of an api.md, in its order. */
export function readMethodLines(apiMd: string): MethodLine[] {
  const root = dirname(apiMd);
  const lines: MethodLine[] = [];
  for (const text of readFileSync(apiMd, 'utf8').split('\n')) {
    const m = LINE.exec(text);
    if (!m) continue;
    const [, verb, path, chain, href, method, args, returns] = m;
    lines.push({
      accessor: `${chain}.${method}`,
      verb: verb!,
      path: path!,
      args: args!,
      file: join(root, href!.replace(/\.ts$/, '') + '.ts'),
      method: method!,
      returns: (returns ?? '').trim(),
    });
  }
  return lines;
}

export interface MethodInfo {
  /** The class that declares it (the resource class of the file). */
  className: string;
  /**
   * Its params argument: the first parameter whose declared type names a `...Params` type the file
   * exports (`AccessIPAddressListParams` in `params?: AccessIPAddressListParams | null`), its position
   * and declared type; otherwise what it takes instead (path arguments only, or nothing).
   */
  params: { type: string; index: number; text: string } | { none: string };
}

export interface ResourceFile {
  exports: Set<string>;
  /** Modules it re-exports (`export * from './x/index'`), absolute `.ts` paths: where a short file's class lives. */
  reexports: string[];
  /** `Class.method` and, for the one class of a file that declares a method, `method` alone. */
  methods: Map<string, MethodInfo[]>;
}

const cache = new Map<string, ResourceFile>();

export function readResourceFile(file: string): ResourceFile {
  let found = cache.get(file);
  if (found) return found;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const exports = new Set<string>();
  const reexports: string[] = [];
  const declared: Array<{ className: string; name: string; node: MethodNode }> = [];
  // A class's methods may be declared in an interface merged with it (ours: the runtime defines them).
  const classNames = new Set(
    source.statements.flatMap((s) => (ts.isClassDeclaration(s) && s.name ? [s.name.text] : [])),
  );
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    const exported = isExported(statement);
    if (
      (ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isFunctionDeclaration(statement)) &&
      statement.name &&
      exported
    ) {
      exports.add(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && exported && ts.isIdentifier(statement.name)) {
      exports.add(statement.name.text);
    } else if (ts.isVariableStatement(statement) && exported) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) exports.add(d.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const e of statement.exportClause.elements) exports.add(e.name.text);
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    )
      reexports.push(moduleFile(file, statement.moduleSpecifier.text));
    const owner =
      (ts.isClassDeclaration(statement) && statement.name) ||
      (ts.isInterfaceDeclaration(statement) && classNames.has(statement.name.text))
        ? (statement as ts.ClassDeclaration | ts.InterfaceDeclaration)
        : undefined;
    for (const member of owner?.members ?? [])
      if (
        (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) &&
        member.name &&
        ts.isIdentifier(member.name)
      )
        declared.push({ className: owner!.name!.text, name: member.name.text, node: member });
  }
  // Overloads: the implementation's signature (the one with a body) is what every call must fit.
  const byMethod = new Map<string, MethodNode[]>();
  for (const d of declared) {
    const key = `${d.className}.${d.name}`;
    byMethod.set(key, [...(byMethod.get(key) ?? []), d.node]);
  }
  const methods = new Map<string, MethodInfo[]>();
  for (const [key, nodes] of byMethod) {
    const node = nodes.find((n) => ts.isMethodDeclaration(n) && n.body) ?? nodes[nodes.length - 1]!;
    const [className, name] = key.split('.') as [string, string];
    const info: MethodInfo = { className, params: paramsType(node, exports, source) };
    methods.set(key, [info]);
    methods.set(name, [...(methods.get(name) ?? []), info]);
  }
  found = { exports, reexports, methods };
  cache.set(file, found);
  return found;
}

type MethodNode = ts.MethodDeclaration | ts.MethodSignature;

/** The exported `...Params` type a method takes, from its declared parameters. */
function paramsType(node: MethodNode, exports: Set<string>, source: ts.SourceFile): MethodInfo['params'] {
  const others: string[] = [];
  for (const [index, parameter] of node.parameters.entries()) {
    const name = parameter.name.getText(source);
    if (!parameter.type || name === 'options') continue;
    // The declared type names one of the file's exported `...Params` types, alone or in a union
    // (`X | null`, ours' `X | X['body']` for a body also accepted bare).
    let named: string | undefined;
    const visit = (t: ts.Node): void => {
      if (named) return;
      if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
        const ref = t.typeName.text;
        if (/Params$/.test(ref) && exports.has(ref)) named = ref;
      }
      ts.forEachChild(t, visit);
    };
    visit(parameter.type);
    const text = parameter.type.getText(source).replace(/\s+/g, ' ');
    if (named) return { type: named, index, text };
    others.push(`${name}: ${text}`);
  }
  return { none: others.length ? `only ${others.join(', ')}` : 'no arguments' };
}

/** A relative module specifier as the `.ts` file it names (`./x/index`, `./x.js`, `./x`). */
function moduleFile(from: string, specifier: string): string {
  const base = join(dirname(from), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f)) ?? `${base}.ts`;
}

export interface FoundMethod extends MethodInfo {
  /** The file that declares the class (the href's file, or one it re-exports). */
  file: string;
}

/**
 * The class and params type of `line`'s method: in the href's file, or in a module it re-exports
 * (the official `text-to-speech.ts` is `export * from './text-to-speech/index'`); or why it is not there.
 */
export function findMethod(line: MethodLine): FoundMethod | string {
  const queue = [line.file];
  const visited = new Set<string>();
  const owner = line.accessor.split('.').at(-2)!.toLowerCase();
  while (queue.length) {
    const file = queue.shift()!;
    if (visited.has(file) || !existsSync(file)) continue;
    visited.add(file);
    const read = readResourceFile(file);
    const candidates = read.methods.get(line.method) ?? [];
    // Several classes declaring it: the one named like the accessor's last segment.
    const found =
      candidates.length === 1 ? candidates[0] : candidates.find((c) => c.className.toLowerCase() === owner);
    if (found) return { ...found, file };
    if (candidates.length > 1) return `${candidates.length} classes in ${file} declare ${line.method}`;
    queue.push(...read.reexports);
  }
  return visited.size
    ? `no class in ${line.file} (or what it re-exports) declares ${line.method}`
    : `resource file ${line.file} missing`;
}

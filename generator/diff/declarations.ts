/**
 * The public surface of a generated TypeScript package, read from its sources with ts-morph the way
 * api-extractor reads declarations: every exported interface, type alias and class of every module
 * (a module path is public: the package exports `telnyx/*`), keyed `module#Qualified.Name`; the
 * client's methods by accessor; and which declarations each method's arguments and result name, so
 * that a declaration is known to be written by users (input), read by them (output) or both.
 *
 * Both packages go into one ts-morph project so the checker can ask whether a type of one is
 * assignable to a type of the other (surface-diff.ts). Only the syntax is walked here; the checker
 * is asked about the few types whose text changed. `core/` is the runtime, the same in every
 * generated package: it is loaded for the checker but not compared.
 */
import { posix, relative } from 'node:path';
import { Project, ts } from 'ts-morph';

export type DeclarationNode =
  ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.ClassDeclaration | ts.ImportEqualsDeclaration;

export interface Declaration {
  key: string;
  node: DeclarationNode;
  /**
   * Keys of the declarations its text names: the package's own, and the runtime's as `core#Name`
   * (so that an alias of a page class reaches the methods returning that page).
   */
  refs: string[];
  /**
   * Another name for what it refers to (`export type Brand = BrandAPI.Brand`, `export import X =
   * Models.X` in the client's `Telnyx` namespace): its users are its target's.
   */
  alias: boolean;
}

export interface Method {
  /** `client.calls.actions.answer`. */
  accessor: string;
  /** Absent for an accessor of the runtime's own classes (`client.webhooks`), whose code is fixed. */
  node?: ts.MethodDeclaration;
  /** Declarations its parameters name (values the user writes). */
  inputs: string[];
  /** Declarations its return type names (values the user reads). */
  outputs: string[];
}

export interface PackageSurface {
  declarations: Map<string, Declaration>;
  /** By accessor. */
  methods: Map<string, Method>;
  /** Resource accessors (`client.calls.actions`) -> the class key they hold. */
  resources: Map<string, string>;
  /** Keys reached from some method's parameters, and from some method's result. */
  inputs: Set<string>;
  outputs: Set<string>;
  /** Key -> the declarations and methods (by accessor) that name it. */
  referrers: Map<string, string[]>;
}

/** The client class in `client.ts`, where accessors start. */
const CLIENT = 'client#Telnyx';

/**
 * Loads generated packages (`<dir>/src`, and the web globals of `<dir>/types` once) into one
 * project, and reads each one's surface, in the order given.
 */
export function openPackages(dirs: string[]): { checker: ts.TypeChecker; surfaces: PackageSurface[] } {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
  });
  // The runtime (`core/`) is left to the program to load as it resolves imports: it is not read here.
  for (const dir of dirs) project.addSourceFilesAtPaths([`${dir}/src/**/*.ts`, `!${dir}/src/core/**`]);
  // The web globals the runtime names (Blob, fetch's types): every copy is the same, one will do.
  if (dirs.length) project.addSourceFilesAtPaths(`${dirs[0]}/types/*.d.ts`);
  const files = project.getSourceFiles().map((f) => f.compilerNode);
  const surfaces = dirs.map((dir) =>
    readSurface(
      files.filter((f) => f.fileName.startsWith(`${dir}/src/`)),
      `${dir}/src`,
    ),
  );
  const checker = project.getTypeChecker().compilerObject;
  return { checker, surfaces };
}

function readSurface(files: ts.SourceFile[], srcDir: string): PackageSurface {
  const modules = files
    .map((file) => ({
      file,
      module: relative(srcDir, file.fileName).replace(/\\/g, '/').replace(/\.ts$/, ''),
    }))
    .filter((m) => !m.module.startsWith('core/') && m.module !== 'index');
  const declarations = new Map<string, Declaration>();
  const pending: { decl: Declaration; scopes: string[]; resolve: Resolver }[] = [];
  const classes = new Map<string, ts.ClassDeclaration>();
  const resolvers = new Map<string, Resolver>();
  for (const { file, module } of modules) {
    const resolve = resolverOf(file, module, declarations);
    resolvers.set(module, resolve);
    const visit = (statements: readonly ts.Statement[], prefix: string) => {
      for (const s of statements) {
        if (!isExported(s)) continue;
        if (ts.isModuleDeclaration(s) && s.body && ts.isModuleBlock(s.body)) {
          visit(s.body.statements, `${prefix}${s.name.text}.`);
        } else if (
          (ts.isInterfaceDeclaration(s) ||
            ts.isTypeAliasDeclaration(s) ||
            ts.isClassDeclaration(s) ||
            ts.isImportEqualsDeclaration(s)) &&
          s.name
        ) {
          const key = `${module}#${prefix}${s.name.text}`;
          const alias =
            ts.isImportEqualsDeclaration(s) ||
            (ts.isTypeAliasDeclaration(s) && ts.isTypeReferenceNode(s.type));
          const decl: Declaration = { key, node: s, refs: [], alias };
          declarations.set(key, decl);
          pending.push({ decl, scopes: scopesOf(module, prefix), resolve });
          if (ts.isClassDeclaration(s)) classes.set(key, s);
        }
      }
    };
    visit(file.statements, '');
  }
  // Names resolve once every module's declarations are known.
  for (const { decl, scopes, resolve } of pending) decl.refs = referencesIn(decl.node, scopes, resolve);
  const { methods, resources } = readMethods(classes, resolvers);
  const referrers = new Map<string, string[]>();
  const refer = (from: string, to: string) => {
    const list = referrers.get(to);
    if (list) list.push(from);
    else referrers.set(to, [from]);
  };
  for (const decl of declarations.values()) for (const ref of decl.refs) refer(decl.key, ref);
  for (const m of methods.values())
    for (const ref of new Set([...m.inputs, ...m.outputs])) refer(m.accessor, ref);
  return { declarations, methods, resources, referrers, ...directions(declarations, methods) };
}

type Resolver = (name: string, scopes: string[]) => string | undefined;

/** `module#A.B.` scopes a name inside namespace A.B is looked up in, innermost first. */
function scopesOf(module: string, prefix: string): string[] {
  const parts = prefix.split('.').filter(Boolean);
  return parts.map((_, i) => `${module}#${parts.slice(0, parts.length - i).join('.')}.`).concat(`${module}#`);
}

/**
 * How a dotted name in one module finds its declaration: through its imports (`Models.X` ->
 * `models#X`, an imported class by its module), else in the enclosing namespaces, then the module.
 */
function resolverOf(file: ts.SourceFile, module: string, all: Map<string, Declaration>): Resolver {
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
function referencesIn(node: ts.Node, scopes: string[], resolve: Resolver): string[] {
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

/**
 * Accessors from the client class down: a property initialised with `new X(...)`, or a getter typed
 * `X` (resources built on first access), holds resource X, whose public methods are
 * `client.<chain>.<method>`. A property holding a class of the runtime
 * (`webhooks: Webhooks<WebhookEvent>`) is an accessor of its own, whose results are its type
 * arguments.
 */
function readMethods(classes: Map<string, ts.ClassDeclaration>, resolvers: Map<string, Resolver>) {
  const methods = new Map<string, Method>();
  const resources = new Map<string, string>();
  const visit = (key: string, accessor: string, seen: Set<string>) => {
    const node = classes.get(key);
    if (!node || seen.has(key)) return;
    resources.set(accessor, key);
    const module = key.slice(0, key.indexOf('#'));
    const resolve = resolvers.get(module)!;
    const scopes = [`${module}#`];
    for (const member of node.members) {
      if (isPrivate(member)) continue;
      if (ts.isMethodDeclaration(member) && ts.isIdentifier(member.name)) {
        methods.set(`${accessor}.${member.name.text}`, {
          accessor: `${accessor}.${member.name.text}`,
          node: member,
          inputs: member.parameters.flatMap((p) => referencesIn(p, scopes, resolve)),
          outputs: member.type ? referencesIn(member.type, scopes, resolve) : [],
        });
      } else if (
        ts.isGetAccessorDeclaration(member) &&
        ts.isIdentifier(member.name) &&
        member.type &&
        ts.isTypeReferenceNode(member.type) &&
        ts.isIdentifier(member.type.typeName)
      ) {
        const held = resolve(member.type.typeName.text, scopes);
        if (held && classes.has(held))
          visit(held, `${accessor}.${member.name.text}`, new Set([...seen, key]));
      } else if (
        ts.isPropertyDeclaration(member) &&
        ts.isIdentifier(member.name) &&
        member.initializer &&
        ts.isNewExpression(member.initializer) &&
        ts.isIdentifier(member.initializer.expression)
      ) {
        const held = resolve(member.initializer.expression.text, scopes);
        const at = `${accessor}.${member.name.text}`;
        if (held && classes.has(held)) visit(held, at, new Set([...seen, key]));
        else if (member.type && ts.isTypeReferenceNode(member.type) && member.type.typeArguments)
          methods.set(at, {
            accessor: at,
            inputs: [],
            outputs: member.type.typeArguments.flatMap((t) => referencesIn(t, scopes, resolve)),
          });
      }
    }
  };
  visit(CLIENT, 'client', new Set());
  return { methods, resources };
}

/** Declarations reached from method parameters (inputs) and from method results (outputs). */
function directions(declarations: Map<string, Declaration>, methods: Map<string, Method>) {
  const reach = (roots: string[]) => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const key = queue.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const ref of declarations.get(key)?.refs ?? []) if (!seen.has(ref)) queue.push(ref);
    }
    return seen;
  };
  const all = [...methods.values()];
  return { inputs: reach(all.flatMap((m) => m.inputs)), outputs: reach(all.flatMap((m) => m.outputs)) };
}

/** The accessors whose arguments or result reach a declaration (it, or one that names it). */
export function accessorsReaching(surface: PackageSurface, key: string): string[] {
  const seen = new Set<string>([key]);
  const queue = [key];
  const accessors = new Set<string>();
  while (queue.length) {
    for (const from of surface.referrers.get(queue.pop()!) ?? []) {
      if (seen.has(from)) continue;
      seen.add(from);
      if (surface.methods.has(from)) accessors.add(from);
      else queue.push(from);
    }
  }
  return [...accessors].sort();
}

function isExported(s: ts.Statement): boolean {
  return (
    !!ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function isPrivate(m: ts.ClassElement): boolean {
  const modifiers = ts.canHaveModifiers(m) ? ts.getModifiers(m) : undefined;
  const hidden = modifiers?.some(
    (x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword,
  );
  return !!hidden || (!!m.name && ts.isPrivateIdentifier(m.name));
}

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
import { relative } from 'node:path';
import { Project, ts } from 'ts-morph';
import { referencesIn, resolverOf, scopesOf, type Resolver } from './references.ts';

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
  /**
   * A method of a class, or of the interface merged with it (generated resources declare their
   * methods there). Absent for an accessor of the runtime's own classes (`client.webhooks`).
   */
  node?: ts.MethodDeclaration | ts.MethodSignature;
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
  /** Interfaces merged with a class of the same name: their members are the class's too. */
  const merged = new Map<string, ts.InterfaceDeclaration>();
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
          // The class is the declaration; an interface merged with it only adds members.
          const other = declarations.get(key)?.node;
          if (ts.isInterfaceDeclaration(s) && other && ts.isClassDeclaration(other)) {
            merged.set(key, s);
            continue;
          }
          if (ts.isClassDeclaration(s) && other && ts.isInterfaceDeclaration(other)) merged.set(key, other);
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
  const members = new Map(
    [...classes].map(([key, node]) => [key, [...node.members, ...(merged.get(key)?.members ?? [])]]),
  );
  const { methods, resources } = readMethods(members, resolvers);
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

/**
 * Accessors from the client class down: a member holding resource X (heldClass) makes X's public
 * methods `client.<chain>.<method>`. A member holding a class of the runtime
 * (`webhooks: Webhooks<WebhookEvent>`) is an accessor of its own, whose results are its type
 * arguments.
 */
function readMethods(
  classes: Map<string, (ts.ClassElement | ts.TypeElement)[]>,
  resolvers: Map<string, Resolver>,
) {
  const methods = new Map<string, Method>();
  const resources = new Map<string, string>();
  const visit = (key: string, accessor: string, seen: Set<string>) => {
    const members = classes.get(key);
    if (!members || seen.has(key)) return;
    resources.set(accessor, key);
    const module = key.slice(0, key.indexOf('#'));
    const resolve = resolvers.get(module)!;
    const scopes = [`${module}#`];
    for (const member of members) {
      if (isPrivate(member) || !member.name || !ts.isIdentifier(member.name)) continue;
      const at = `${accessor}.${member.name.text}`;
      if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) {
        methods.set(at, {
          accessor: at,
          node: member,
          inputs: member.parameters.flatMap((p) => referencesIn(p, scopes, resolve)),
          outputs: member.type ? referencesIn(member.type, scopes, resolve) : [],
        });
        continue;
      }
      const held = heldClass(member);
      const heldKey = held && resolve(held.name, scopes);
      if (heldKey && classes.has(heldKey)) visit(heldKey, at, new Set([...seen, key]));
      else if (held?.type && ts.isTypeReferenceNode(held.type) && held.type.typeArguments)
        methods.set(at, {
          accessor: at,
          inputs: [],
          outputs: held.type.typeArguments.flatMap((t) => referencesIn(t, scopes, resolve)),
        });
    }
  };
  visit(CLIENT, 'client', new Set());
  return { methods, resources };
}

/**
 * The class a member holds, by the name its syntax gives (a getter or a merged interface's property
 * typed `X`: a resource built on first access; or a field initialised with `new X(...)`), and the
 * member's declared type.
 */
function heldClass(
  member: ts.ClassElement | ts.TypeElement,
): { name: string; type?: ts.TypeNode } | undefined {
  const typed = ts.isGetAccessorDeclaration(member) || ts.isPropertySignature(member);
  const type = typed || ts.isPropertyDeclaration(member) ? member.type : undefined;
  const named = typed
    ? type && ts.isTypeReferenceNode(type) && type.typeName
    : ts.isPropertyDeclaration(member) && member.initializer && ts.isNewExpression(member.initializer)
      ? member.initializer.expression
      : undefined;
  return named && ts.isIdentifier(named) ? { name: named.text, type } : undefined;
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

function isPrivate(m: ts.ClassElement | ts.TypeElement): boolean {
  const modifiers = ts.canHaveModifiers(m) ? ts.getModifiers(m) : undefined;
  const hidden = modifiers?.some(
    (x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword,
  );
  return !!hidden || (!!m.name && ts.isPrivateIdentifier(m.name));
}

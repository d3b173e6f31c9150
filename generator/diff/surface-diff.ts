/**
 * The generated packages' public surfaces compared (declarations.ts reads them, surface-compare.ts
 * judges each declaration and method): exports removed, then what breaks in each declaration both
 * have, then methods removed or called differently, by accessor.
 *
 * Each break names the accessors whose arguments or result reach it, and is `explained` when the
 * model diff classed a change of one of them (or the removed model type, or the moved module)
 * breaking: a break nobody explained is a change the model diff missed or misclassed.
 */
import type { ts } from 'ts-morph';
import { accessorsReaching, openPackages, type PackageSurface } from './declarations.ts';
import {
  compareDeclaration,
  compareMethod,
  typeComparer,
  type Dirs,
  type Found,
  type SurfaceBreakKind,
} from './surface-compare.ts';
import type { Change } from './types.ts';
import type { TypeUse } from './usage.ts';

export type { SurfaceBreakKind };

export interface SurfaceBreak extends Found {
  /** Accessors whose arguments or result reach it, in the old package. */
  accessors: string[];
  /** The model diff classed a change of one of those accessors breaking. */
  explained: boolean;
}

export interface SurfaceDiff {
  /** Exported declarations (interfaces, type aliases, classes) on each side, and methods. */
  exports: { before: number; after: number; added: number; removed: number };
  methods: { before: number; after: number };
  breaks: SurfaceBreak[];
  /** How many breaks no breaking model change explains. */
  unexplained: number;
  /** Time to read and compare both packages. */
  ms: number;
}

/** What the model diff says: its changes, and which accessors use each model type (usage.ts). */
export interface ModelVerdict {
  changes: readonly Change[];
  usage: ReadonlyMap<string, TypeUse>;
}

/** Reads two generated packages (`<dir>/src`) and compares their surfaces. */
export function diffPackages(oldDir: string, newDir: string, model: ModelVerdict): SurfaceDiff {
  const started = performance.now();
  const { checker, surfaces } = openPackages([oldDir, newDir]);
  const diff = compareSurfaces(checker, surfaces[0], surfaces[1], model);
  return { ...diff, ms: Math.round(performance.now() - started) };
}

/** Two surfaces read into one project (openPackages), compared. */
export function compareSurfaces(
  checker: ts.TypeChecker,
  before: PackageSurface,
  after: PackageSurface,
  model: ModelVerdict,
): SurfaceDiff {
  const started = performance.now();
  const types = typeComparer(checker);
  const found: Found[] = [];
  const owners = new Map<string, string>(); // break key -> the declaration whose users it reaches
  for (const [key, old] of before.declarations) {
    const now = after.declarations.get(key);
    if (!now) {
      found.push({ kind: 'export-removed', key, detail: 'export removed' });
      owners.set(key, key);
      continue;
    }
    const dirs = directionsOf(before, key, model.usage);
    for (const b of compareDeclaration(old, now, dirs, types)) {
      found.push(b);
      owners.set(b.key, key);
    }
  }
  for (const [accessor, old] of before.methods) {
    const now = after.methods.get(accessor);
    if (!now) found.push({ kind: 'method-removed', key: accessor, detail: 'method removed' });
    else found.push(...compareMethod(old, now, types));
  }
  const explain = explainer(model.changes);
  // A break of an alias is explained by what explains a break of its target.
  const explained = (b: Found, owner: string | undefined, accessors: string[]): boolean => {
    if (explain(b, accessors)) return true;
    const decl = owner ? before.declarations.get(owner) : undefined;
    return (
      !!decl?.alias &&
      decl.refs.some((ref) => explain({ ...b, key: ref }, reaching(before, ref, model.usage)))
    );
  };
  const breaks = found
    .map((b) => {
      const owner = owners.get(b.key);
      const accessors = owner ? reaching(before, owner, model.usage) : [b.key];
      return { ...b, accessors, explained: explained(b, owner, accessors) };
    })
    .sort((a, b) => a.key.localeCompare(b.key) || a.kind.localeCompare(b.kind));
  const added = [...after.declarations.keys()].filter((k) => !before.declarations.has(k)).length;
  return {
    exports: {
      before: before.declarations.size,
      after: after.declarations.size,
      added,
      removed: breaks.filter((b) => b.kind === 'export-removed').length,
    },
    methods: { before: before.methods.size, after: after.methods.size },
    breaks,
    unexplained: breaks.filter((b) => !b.explained).length,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * The accessors a declaration reaches: through the declarations (a resource class: every method
 * under an accessor that holds it; an alias: what its target reaches), and for a model type also
 * through the operations whose bodies the package flattened into params types (usage.ts).
 */
function reaching(
  surface: PackageSurface,
  key: string,
  usage: ReadonlyMap<string, TypeUse>,
  seen = new Set<string>(),
): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const held = [...surface.resources].filter(([, cls]) => cls === key).map(([accessor]) => `${accessor}.`);
  const direct = held.length
    ? [...surface.methods.keys()].filter((a) => held.some((prefix) => a.startsWith(prefix)))
    : [];
  const model = usage.get(modelTypeOf(key) ?? '')?.accessors ?? [];
  const decl = surface.declarations.get(key);
  const targets = decl?.alias ? decl.refs.flatMap((ref) => reaching(surface, ref, usage, seen)) : [];
  return [...new Set([...direct, ...accessorsReaching(surface, key), ...model, ...targets])].sort();
}

/** `models#A.B` -> `A`, the model type a declaration of models.ts belongs to. */
const modelTypeOf = (key: string) => (key.startsWith('models#') ? key.slice(7).split('.')[0] : undefined);

/**
 * Which way users use a declaration: as the methods' arguments and results name it, else as the
 * model's operations use its type; a type nothing uses may be used either way (both checks apply).
 */
function directionsOf(surface: PackageSurface, key: string, usage: ReadonlyMap<string, TypeUse>): Dirs {
  const dirs = { input: surface.inputs.has(key), output: surface.outputs.has(key) };
  const use = usage.get(modelTypeOf(key) ?? '');
  if (use) Object.assign(dirs, { input: dirs.input || use.input, output: dirs.output || use.output });
  return dirs.input || dirs.output ? dirs : { input: true, output: true };
}

/**
 * A break is explained by a breaking change of an accessor it reaches, by its module having moved,
 * or (in `models.ts`) by a breaking change of its model type or of a type it is nested in.
 */
function explainer(changes: readonly Change[]) {
  const breaking = changes.filter((c) => c.breaking);
  const accessors = new Set(breaking.map((c) => c.accessor));
  const movedModules = new Set(breaking.filter((c) => c.kind === 'module-moved').map((c) => c.subject));
  return (b: Found, reached: string[]) => {
    if (reached.some((a) => accessors.has(a))) return true;
    const [module, name = ''] = b.key.split('#');
    if (movedModules.has(module)) return true;
    const parts = name.split('.');
    return (
      module === 'models' && parts.some((_, i) => accessors.has(`Models.${parts.slice(0, i + 1).join('.')}`))
    );
  };
}

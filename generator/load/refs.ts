/**
 * `$ref` handling. Refs stay refs (a cyclic schema is never inlined): this module
 *  - bundles relative file refs (`common.yml#/components/schemas/Pet`) into the root document's
 *    `components/schemas`, rewriting them to internal refs, so later stages see one document; a file
 *    ref may only read inside the spec's folder (or a folder the config lists under spec.refFolders):
 *    a spec is input from elsewhere, and `$ref: /etc/passwd` would print that file into models.ts;
 *  - checks that every internal ref resolves, naming the ref and where it was used;
 *  - rejects ref chains that loop (`A: {$ref: B}`, `B: {$ref: A}`), which have no meaning.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, pointerOf, segmentsOf } from '../errors.ts';
import { isPlainObject } from '../util/objects.ts';
import { displayPath } from '../util/paths.ts';
import { parseSpecText, type ParsedFile } from './parse.ts';
import { specText } from './source.ts';
import { freeName, numbered } from '../naming/resolve.ts';

/** Follows a JSON pointer inside `root`; undefined when any segment is missing. */
export function getAt(root: unknown, pointer: string): unknown {
  let node: any = root;
  // Most pointers escape nothing: a plain split reads them (segmentsOf's unescaping is ~half the cost).
  const plain = pointer.startsWith('/') && !pointer.includes('~');
  for (const seg of plain ? pointer.slice(1).split('/') : segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object' || !(seg in node)) return undefined;
    node = node[seg];
  }
  return node;
}

/** Visits every `$ref` object depth-first, with the path of the object holding it (a fresh copy). */
export function forEachRef(
  node: unknown,
  at: (string | number)[],
  visit: (holder: any, path: (string | number)[]) => void,
) {
  const path = [...at]; // one shared stack: copying the path at every node is too slow on a 4 MB spec
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== 'object' || value[i] === null) continue;
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (isPlainObject(value)) {
      if (typeof value.$ref === 'string') visit(value, [...path]);
      for (const key in value) {
        const child = value[key];
        if (typeof child !== 'object' || child === null) continue;
        path.push(key);
        walk(child);
        path.pop();
      }
    }
  };
  walk(node);
}

/**
 * Rewrites relative file refs into internal ones, hoisting their targets into components/schemas;
 * `refFolders` are the folders besides the spec's own that refs may read.
 * Returns how many external files were read (a cached load is only valid without them).
 */
export function bundleFileRefs(root: ParsedFile, refFolders: readonly string[] = []): number {
  const hoisted = new Map<string, string>(); // "abs-file#pointer" -> internal ref
  const files = new Map<string, ParsedFile>();
  const folders = [dirname(root.file), ...refFolders].map((f) =>
    existsSync(f) ? realpathSync(f) : resolve(f),
  );
  const schemas = (((root.data as any).components ??= {}).schemas ??= {}) as Record<string, unknown>;

  const rewrite = (doc: ParsedFile, node: unknown, base: (string | number)[]) =>
    forEachRef(node, base, (holder, path) => {
      const ref: string = holder.$ref;
      if (ref.startsWith('#')) {
        if (doc === root) return;
        holder.$ref = hoist(doc.file, ref.slice(1), doc.locate(pointerOf(path)));
        return;
      }
      const [target, fragment = ''] = ref.split('#');
      const usedAt = doc.locate(pointerOf(path));
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        throw new InputError(
          `$ref ${ref} is remote; the generator reads only local files`,
          usedAt,
          'save the file beside the spec and refer to it by a relative path',
        );
      }
      holder.$ref = hoist(confined(resolve(dirname(doc.file), target), ref, usedAt), fragment, usedAt);
    });

  const hoist = (file: string, pointer: string, usedAt: string): string => {
    const key = `${file}#${pointer}`;
    const known = hoisted.get(key);
    if (known) return known;
    if (!existsSync(file)) {
      throw new InputError(
        `$ref points to a missing file ${displayPath(file)}`,
        usedAt,
        'fix the file path in the $ref',
      );
    }
    if (!statSync(file).isFile()) {
      throw new InputError(
        `$ref points to ${displayPath(file)}, which is not a file`,
        usedAt,
        'point the $ref at a YAML or JSON file',
      );
    }
    let doc = files.get(file);
    if (!doc) {
      doc = parseSpecText(specText(readFileSync(file), displayPath(file)), file);
      files.set(file, doc);
    }
    const target = getAt(doc.data, pointer);
    if (target === undefined) {
      throw new InputError(
        `$ref target ${displayPath(file)}#${pointer} does not exist`,
        usedAt,
        'point the $ref at an existing node',
      );
    }
    const segs = segmentsOf(pointer);
    const wanted = segs.length ? segs[segs.length - 1] : basename(file, extname(file));
    const name = freeName(wanted, numbered, (n) => !(n in schemas));
    const internal = `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    hoisted.set(key, internal);
    const copy = structuredClone(target);
    schemas[name] = copy;
    rewrite(doc, copy, segs);
    return internal;
  };

  /** The file, when it (after symlinks) lies inside one of the allowed folders. */
  const confined = (file: string, ref: string, usedAt: string): string => {
    const real = existsSync(file) ? realpathSync(file) : file;
    const inside = (folder: string) => {
      const rel = relative(folder, real);
      return rel.split(sep)[0] !== '..' && !isAbsolute(rel);
    };
    if (!folders.some(inside)) {
      throw new InputError(
        `$ref ${ref} reads ${displayPath(file)}, outside the spec's folder`,
        usedAt,
        `keep referenced files inside ${displayPath(folders[0])}, or list their folder under spec.refFolders in the config`,
      );
    }
    return file;
  };

  rewrite(root, root.data, []);
  return files.size;
}

/** Every internal ref must resolve; ref-only chains must end in a real node. */
export function checkRefs(doc: ParsedFile): void {
  const resolved = new Set<string>(); // the same few thousand refs recur tens of thousands of times
  forEachRef(doc.data, [], (holder, path) => {
    const ref: string = holder.$ref;
    if (resolved.has(ref)) return;
    const usedAt = () => doc.locate(pointerOf(path)); // positions cost an AST walk: only on failure
    if (!ref.startsWith('#')) {
      throw new InputError(
        `unsupported $ref ${ref}`,
        usedAt(),
        'use a local ref (#/...) or a relative file ref',
      );
    }
    const seen = new Set<string>();
    let current = ref;
    for (;;) {
      if (seen.has(current)) {
        throw new InputError(
          `$ref chain loops through ${[...seen].join(' -> ')}`,
          usedAt(),
          'make one of the refs point at a real schema',
        );
      }
      seen.add(current);
      const target = getAt(doc.data, current.slice(1));
      if (target === undefined) {
        throw new InputError(
          `unresolvable $ref ${current}${current === ref ? '' : ` (reached from ${ref})`}`,
          usedAt(),
          `define ${current} or point the $ref at an existing component`,
        );
      }
      if (!isPlainObject(target) || typeof target.$ref !== 'string') break;
      current = target.$ref;
    }
    resolved.add(ref);
  });
}

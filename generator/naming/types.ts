/**
 * TypeScript names of the model's named types (docs/NAMING.md, "Types"). A component schema keeps its
 * own name when it is a valid identifier; otherwise its words are PascalCased (`call-control_Error` ->
 * CallControlError). Names that would shadow a JS/TS global the generated code uses, and reserved
 * words and primitive type names, which no declaration may take, get a `Schema` suffix (the spec has
 * `Record` and `Error`; `string` was `export interface string`, which does not compile). Inline objects hoisted as `Owner.prop` become nested
 * types `Owner.Prop` (a namespace merged with the owner's interface).
 */
import { splitWords } from './casing.ts';
import { freeName, numbered, objectSuffixed } from './resolve.ts';

/** Globals a generated file may refer to; a type of the same name would shadow them. */
const SHADOWED_GLOBALS = new Set([
  'Array',
  'ArrayBuffer',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'File',
  'FormData',
  'Function',
  'Headers',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Partial',
  'Pick',
  'Omit',
  'Promise',
  'ReadableStream',
  'Readonly',
  'Record',
  'Request',
  'Required',
  'Response',
  'Set',
  'String',
  'Symbol',
  'URL',
  'Uint8Array',
  'Event',
  'Exclude',
  'Extract',
]);
/**
 * Words a TS interface or type alias cannot be named (tsc: "Interface name cannot be 'string'", or a
 * syntax error): reserved words, strict-mode and module reserved words, and the predefined types; and
 * `prototype`, which client.ts's `namespace Telnyx` (every model as `Telnyx.<Type>`) cannot declare
 * beside the class's own (TS2865).
 */
const TS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with implements interface let package private protected public static yield ' +
    'await any unknown never number bigint boolean string symbol object undefined infer keyof readonly ' +
    'unique intrinsic prototype'
  ).split(' '),
);

/**
 * Names a top-level model type may not take: the package entry (templates/typescript/index.ts.hbs)
 * exports them beside the models (`export type * from './models.js'` next to the client, `Models` and
 * `export * from './core/index.js'`), and resource files import some from the core. Kept by hand so
 * that naming reads no template; test/naming-types.test.ts parses the entry and the runtime's index
 * and fails when they export a name this list lacks.
 */
export const RUNTIME_NAMES: ReadonlySet<string> = new Set(
  [
    // The entry's own exports.
    'Telnyx Webhooks WebhookEvent Models Uploadable',
    // templates/typescript/runtime/index.ts, through `export *`.
    'APIPromise WithResponse BodyKind ClientCore ClientOptions DEFAULT_BASE_URL DEFAULT_MAX_RETRIES',
    'DEFAULT_TIMEOUT_MS APIConnectionError APIConnectionTimeoutError APIError APIResponseParseError',
    'APIUserAbortError AuthenticationError BadRequestError ConflictError InternalServerError NotFoundError',
    'PermissionDeniedError RateLimitError TelnyxError UnprocessableEntityError WebhookVerificationError',
    'TelnyxErrorDetail HeadersLike Logger LogLevel CursorLimitPagination CursorPagination',
    'DefaultPagination OffsetPagination PageCursorPagination PageNumberSizePagination PagePageSizePagination',
    'PerPagePagination RecordsPagination TeXMLPagination AbstractPage PagePromise PageItem buildPath',
    'stringifyQuery QueryStyle QueryStyles HTTPMethod RequestDescription RequestOptions ResponseKind',
    'Sleep Stream ServerSentEvent Fetch toFile FileSource ToFileOptions verifyWebhook',
    'VerifyWebhookOptions WebhookHeaders',
    // What resource files import from core/operation.js and core/define.js.
    'APIResource OperationSpec defineChildren defineOperations',
  ]
    .join(' ')
    .split(' '),
);

/** Whether a top-level declaration may take this name (no global shadowed, no reserved word, no runtime export). */
export const isDeclarableTypeName = (name: string) =>
  !SHADOWED_GLOBALS.has(name) && !RUNTIME_NAMES.has(name) && !TS_RESERVED.has(name);

const isIdentifier = (name: string) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);

/** PascalCase that keeps each word's inner capitals (SIMCard stays SIMCard) and never starts with a digit. */
export function typeIdentifier(raw: string, digitPrefix: string): string {
  const words = splitWords(raw);
  let name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Unnamed';
  if (/^[0-9]/.test(name)) name = digitPrefix.charAt(0).toUpperCase() + digitPrefix.slice(1) + name;
  return name;
}

/** Model type name -> TS name (dotted for nested types), unique and safe. */
export function assignTypeNames(modelNames: string[], digitPrefix: string): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  const topLevel = new Set<string>();
  const sorted = [...modelNames].sort(
    (a, b) => a.split('.').length - b.split('.').length || a.localeCompare(b),
  );
  for (const model of sorted) {
    const dot = model.lastIndexOf('.');
    if (dot > 0 && result.has(model.slice(0, dot))) {
      // Inside namespace Owner, a nested `Address` would capture references to a top-level `Address`.
      let local = typeIdentifier(model.slice(dot + 1), digitPrefix);
      if (topLevel.has(local) || SHADOWED_GLOBALS.has(local)) local = `${local}Object`;
      const name = freeName(
        `${result.get(model.slice(0, dot))}.${local}`,
        numbered,
        (n) => !taken.has(n) && !topLevel.has(n.slice(n.lastIndexOf('.') + 1)),
      );
      taken.add(name);
      result.set(model, name);
      continue;
    }
    let name = isIdentifier(model) ? model : typeIdentifier(model, digitPrefix);
    if (SHADOWED_GLOBALS.has(name) || RUNTIME_NAMES.has(name) || TS_RESERVED.has(name))
      name = `${name}Schema`;
    name = freeName(name, numbered, (n) => !taken.has(n));
    taken.add(name);
    topLevel.add(name);
    result.set(model, name);
  }
  return result;
}

/** Names a nested declaration may not take: it would shadow what declarations inside the namespace use. */
const NESTED_SHADOWED = ['Models', 'Uploadable', 'Array', 'Record'];

/**
 * Names of the inline objects hoisted out of one declared type into its namespace
 * (`ActionAnswerParams.TranscriptionConfig`): one scope per namespace, asked in declaration order. A
 * name the namespace already holds, the root's own name, or one that would shadow what the
 * declarations use takes an `Object` suffix (`Source` -> SourceObject).
 */
export function nestedTypeNames(root: string): (raw: string) => string {
  const taken = new Set([...NESTED_SHADOWED, root]);
  return (raw) => {
    const name = freeName(typeIdentifier(raw, 'n'), objectSuffixed, (n) => !taken.has(n));
    taken.add(name);
    return name;
  };
}

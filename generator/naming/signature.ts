/**
 * Method signature names (docs/NAMING.md): the positional argument, whether a params object follows,
 * and the operation's Params/Response type names. Decided here so every emitter agrees.
 */
import { singular, tsCamel, tsPascal } from './casing.ts';

/** Re-exported for the callers that took it from here; there is one `singular`, in casing.ts. */
export { singular } from './casing.ts';

export interface SignatureInput {
  path: string;
  /** TS resource chain and method, from the assigned names. */
  resource: string[];
  method: string;
  /** Query, header and cookie parameter count, and whether a request body exists. */
  otherParams: number;
  hasBody: boolean;
}

export interface Signature {
  /** The last path parameter as an argument name (`callControlID`), when the path has one. */
  positional?: string;
  /** The spec name of that parameter. */
  positionalWire?: string;
  /** A params object follows (query, header, body fields or earlier path parameters). */
  hasParams: boolean;
  /** `(id)`, `(id, { ...params })`, `({ ...params })` or `()`, as api.md writes it. */
  args: string;
  paramsType: string;
  responseType: string;
}

export function signatureOf(op: SignatureInput): Signature {
  const pathParams = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const wire = pathParams[pathParams.length - 1];
  const positional = wire === undefined ? undefined : safeIdentifier(tsCamel(wire));
  const hasParams = op.otherParams > 0 || op.hasBody || pathParams.length > 1;
  const parts = [positional, hasParams ? '{ ...params }' : undefined].filter(Boolean);
  const base = singular(tsPascal(op.resource[op.resource.length - 1] ?? 'Client')) + tsPascal(op.method);
  return {
    ...(positional ? { positional, positionalWire: wire } : {}),
    hasParams,
    args: `(${parts.join(', ')})`,
    paramsType: `${base}Params`,
    responseType: `${base}Response`,
  };
}

/** JS reserved words (and strict-mode ones) that cannot name a parameter. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval'
  ).split(' '),
);

/** A usable parameter name: reserved words get a trailing `_`, a leading digit a leading `_`. */
export function safeIdentifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_') || '_';
  const led = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  return RESERVED.has(led) ? `${led}_` : led;
}

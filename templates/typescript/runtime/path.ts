/**
 * Path templating. Every value is percent-encoded as one segment (so `a/b` cannot reach another
 * endpoint), and values that are empty, `.` or `..` are rejected: after URL normalisation they would
 * silently turn `DELETE /phone_numbers/{id}` into `DELETE /phone_numbers` or a parent resource.
 */
import { TelnyxError } from './errors.js';

export type PathParamValue = string | number | bigint | boolean;

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Names per template, as every call of an operation asks again; a package has ~1,100 templates. */
const NAMES = new Map<string, readonly string[]>();

/** The parameter names of a path template, in order: `/a/{x}/b/{y}` -> ['x', 'y']. */
export function pathParamNames(template: string): readonly string[] {
  let names = NAMES.get(template);
  if (!names) {
    names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    NAMES.set(template, names);
  }
  return names;
}

/** `buildPath('/calls/{id}/actions/answer', { id })` -> `/calls/v3%3Aabc/actions/answer`. */
export function buildPath(
  template: string,
  params: Readonly<Record<string, PathParamValue | null | undefined>>,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => encodePathSegment(params[name], name, template));
}

/** One path segment, percent-encoded, after checking it is a real value. */
export function encodePathSegment(
  value: PathParamValue | null | undefined,
  name: string,
  template: string,
): string {
  if (value === undefined || value === null) {
    throw new TelnyxError(`Path parameter "${name}" of ${template} is required but was ${String(value)}.`);
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new TelnyxError(
      `Path parameter "${name}" of ${template} is ${JSON.stringify(text)}, which would change which resource ` +
        'the request addresses; pass the identifier itself.',
    );
  }
  return encodeURIComponent(text);
}

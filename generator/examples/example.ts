/**
 * The example values every emitter renders: a closed union of what a value can be, and its
 * conversions from and to plain JSON. Its own module because both the builder (examples.ts) and the
 * schema check (match.ts) need it, and neither should import the other for a type.
 */
export type Example =
  | { kind: 'string'; value: string; enum?: boolean }
  | { kind: 'integer' | 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  /** An upload: a multipart file part or a binary body. */
  | { kind: 'file'; path: string }
  | { kind: 'array'; items: Example[] }
  /** `ref`: the component schema the object came from (typed languages name its class after it). */
  | { kind: 'object'; fields: ExampleField[]; ref?: string; free?: boolean };

export interface ExampleField {
  name: string;
  value: Example;
}

/** A JSON value from the spec (an example) as an example tree. */
export function fromJson(value: unknown): Example {
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number')
    return Number.isSafeInteger(value)
      ? { kind: 'integer', value }
      : { kind: 'number', value: Number.isFinite(value) ? value : 0 };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(fromJson) };
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({
      name: k,
      value: fromJson(v),
    }));
    return { kind: 'object', fields, free: true };
  }
  return { kind: 'string', value: String(value) };
}

/** The example as plain JSON (what the API receives), for curl bodies and checks. */
export function toJson(example: Example): unknown {
  switch (example.kind) {
    case 'null':
      return null;
    case 'file':
      return `@${example.path}`;
    case 'array':
      return example.items.map(toJson);
    case 'object':
      return Object.fromEntries(example.fields.map((f) => [f.name, toJson(f.value)]));
    default:
      return example.value;
  }
}

/** True when the example uploads a file somewhere inside. */
export function hasUpload(example: Example): boolean {
  if (example.kind === 'file') return true;
  if (example.kind === 'array') return example.items.some(hasUpload);
  if (example.kind === 'object') return example.fields.some((f) => hasUpload(f.value));
  return false;
}

/** Narrowing for parsed YAML and JSON, where a mapping, a list and null are all `typeof 'object'`. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The example values every emitter renders: a closed union of what a value can be. Its own module
 * because both the builder (examples.ts) and the schema check (match.ts) need it, and neither should
 * import the other for a type.
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

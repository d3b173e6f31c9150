/**
 * The model's schemas: every schema of the spec becomes a TypeNode, a closed union of node kinds, and
 * component schemas and hoisted inline objects become NamedTypes (model/schemas.ts builds them).
 * Plain data only (JSON-serialisable), like the rest of the model (types.ts).
 */

/** A schema, normalised. A closed union of node kinds; `ref` keeps cycles and shared types by name. */
export type TypeNode =
  RefNode | ScalarNode | ArrayNode | ObjectNode | UnionNode | IntersectionNode | UnknownNode;

interface NodeBase {
  /** `nullable: true` (3.0) or `type: [x, "null"]` (3.1): the value may be null. */
  nullable?: boolean;
  description?: string;
  deprecated?: boolean;
  /** The spec's `example`, only when it is valid for the schema. */
  example?: unknown;
  default?: unknown;
}

/** A named type (component schema or hoisted inline object), referenced by its model name. */
export interface RefNode extends NodeBase {
  kind: 'ref';
  name: string;
}

export interface ScalarNode extends NodeBase {
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'null';
  /** `format` as written (uuid, date-time, uri, int64, binary, ...). */
  format?: string;
  /** Allowed values (`enum`, or a single `const`). */
  enum?: (string | number | boolean | null)[];
  /** `pattern` (ECMA regex, as written), for example values that must match it. */
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: TypeNode;
  /** `minItems` / `maxItems`, for example values that must have that many items. */
  minItems?: number;
  maxItems?: number;
}

export interface Property {
  /** The wire name, spelled as in the spec. */
  name: string;
  type: TypeNode;
  required: boolean;
  /** `readOnly`: only in responses, never offered as input. */
  readOnly: boolean;
  /** `writeOnly`: only in requests, never shown in responses. */
  writeOnly: boolean;
  /** The key SDK params take it under when the spec names one (`x-stainless-param`). */
  sdkName?: string;
  /**
   * `required` only through a composition, not by the object that declares the property: an allOf
   * member or oneOf/anyOf variant that lists it without declaring it, or a `required` list beside
   * oneOf/anyOf. The API requires it all the same; params types take it as optional, as the official
   * SDK's do (their generator drops such lists), and say so in its doc comment. `variant` when only
   * one variant of a union requires it (the others require something else).
   */
  requiredByComposition?: 'always' | 'variant';
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  properties: Property[];
  /** `additionalProperties`: a value type, `true` for any, absent when not allowed or unspecified. */
  additional?: TypeNode | true;
  /**
   * `additional` is only JSON Schema's default: the object declares no property and says nothing of
   * `additionalProperties` (a free-form `type: object`, or an allOf member that only adds `required`).
   */
  additionalImplied?: true;
  /** Names this schema requires without declaring them (allOf parts require what siblings declare). */
  requiresElsewhere?: string[];
  /** `minProperties`: an empty object is invalid when this is 1 or more. */
  minProperties?: number;
  /** Names a property schema of `not: {}` rules out (a oneOf variant forbidding what a sibling declares). */
  forbidden?: string[];
}

/** `oneOf` / `anyOf`; with a discriminator when the spec declares one. */
export interface UnionNode extends NodeBase {
  kind: 'union';
  variants: TypeNode[];
  /** `anyOf`: a value may match several variants (`oneOf`: exactly one). */
  anyOf?: true;
  discriminator?: { property: string; mapping: { value: string; type: string }[] };
}

/** `allOf`. */
export interface IntersectionNode extends NodeBase {
  kind: 'intersection';
  parts: TypeNode[];
}

/** The spec says nothing about the value. */
export interface UnknownNode extends NodeBase {
  kind: 'unknown';
}

export interface NamedType {
  /** Unique model name (component schema name, or owner + property path for an inline object). */
  name: string;
  /** Where it comes from: `component` schema, or an `inline` object hoisted out of another type. */
  origin: 'component' | 'inline';
  /** JSON pointer of the schema in the spec. */
  pointer: string;
  type: TypeNode;
}

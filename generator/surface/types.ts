/**
 * The SDK surface: the decisions an SDK makes on top of what the spec says, made once per operation
 * (generator/surface/) and read by every emitter: the TypeScript package, api.md, the manifest, the
 * skills in six languages, curl, the Required/Optional lists. An emitter that needs to know how a
 * method is called, which fields its params object has or how its body goes out reads it here.
 */
import type {
  BodyContent,
  BodyKind,
  Operation,
  ParamStyle,
  Property,
  ResponseKind,
  TypeNode,
} from '../model/index.ts';
import type { Example } from '../examples/examples.ts';

/** One property of a method's params object, and where it goes on the wire. */
export interface Member {
  /** The property as the params type declares it (`name` is the key callers write). */
  property: Property;
  /** The name on the wire (the spec's spelling). */
  wire: string;
  in: 'path' | 'query' | 'header' | 'body';
  /** Query and header members: how the value is serialised. */
  style?: ParamStyle;
  /**
   * A member that is an object of dotted query parameters (`metadata` for `metadata.assistant_id`):
   * each of its keys -> the query parameter it goes out as. `wire` is then the object's own key.
   */
  nested?: Record<string, string>;
}

/**
 * How the request body reaches the params object: its fields beside the other members (`fields`),
 * one object variant at a time (`variants`, a union of objects), or whole as the `body` member
 * (arrays, scalars, open unions, bytes).
 */
export type BodyShape =
  | { kind: 'none' }
  | {
      kind: 'fields';
      content: BodyContent;
      properties: Property[];
      /**
       * A multipart body that takes the operation's JSON body's fields too (surface/method.ts
       * withJsonFields), sent as JSON when the params hold no file.
       */
      jsonToo?: true;
      /**
       * A union body taken as one object (surface/one-object.ts): the fields of which the API requires
       * some, as the variants did.
       */
      choice?: RequiredChoice;
    }
  | {
      kind: 'variants';
      content: BodyContent;
      union: TypeNode;
      /** Other keys a variant's field is taken under (`x-stainless-param`): key -> the field's wire name. */
      aliases?: Record<string, string>;
    }
  | { kind: 'whole'; content: BodyContent; member: string };

/**
 * What a union body's variants required through the composition, once it is one object in params:
 * one group of fields per variant (`[['url'], ['conversation_relay_url'], ...]`).
 */
export interface RequiredChoice {
  groups: string[][];
  /** `anyOf`: one group or more may be sent; else (`oneOf`) exactly one. */
  anyOf: boolean;
}

/** How the call's result is shown: printed, iterated with auto-paging, or saved to a file. */
export type ResultShape = 'json' | 'list' | 'download' | 'text' | 'none';

export interface ResultSurface {
  shape: ResultShape;
  kind: ResponseKind;
  /** Media type of a downloaded or text result. */
  media?: string;
}

/** A documented input: `Optional:` lists these. */
export interface DocField {
  name: string;
  type: TypeNode;
  deprecated: boolean;
}

export interface MethodSignature {
  /**
   * The last path parameter as an argument (`callControlID`) and its wire name; `numeric` when the
   * spec types it as a number (the argument then takes a number as well as its text).
   */
  positional?: { arg: string; wire: string; numeric?: boolean };
  /** A params object follows (query, header, body fields or earlier path parameters). */
  hasParams: boolean;
  /** Some member is required (or a required body is a union), so the params argument is too. */
  paramsRequired: boolean;
  /**
   * A body passed other than as the `body` member alone: raw bytes follow the path parameter as an
   * argument of their own (`update(key, file, { id })`); an array with nothing beside it may also be
   * the params argument itself (`validate([...])` as well as `validate({ body: [...] })`).
   */
  bodyArg?: 'positional' | 'params';
  /** `(id)`, `(id, { ...params })`, `({ ...params })` or `()`, as api.md writes it. */
  args: string;
  paramsType: string;
  responseType: string;
}

/** An example value bound to where it goes. */
export interface InputField {
  /** The wire name, as the API spells it. */
  wire: string;
  in: 'path' | 'query' | 'header' | 'body';
  value: Example;
  /** Query and header fields: how the value is serialised. */
  style?: ParamStyle;
  /** An optional input a core task fills (surface/tasks.ts): Go wraps such scalars (`telnyx.String`). */
  optional?: boolean;
  /**
   * A path parameter the spec types as a number: `value` holds its text (a path segment), and a
   * language whose SDK takes a number there (the official TS SDK) writes it as one.
   */
  numeric?: true;
}

/** The example call every language renders (generator/surface/inputs.ts). */
export interface CallInput {
  op: Operation;
  /** The last path parameter, passed positionally in every SDK. */
  positional?: InputField;
  /** Earlier path parameters, then required query, header and body fields. */
  fields: InputField[];
  /** A body that is not an object (an array, a string, an upload): passed whole as `body`. */
  wholeBody?: Example;
  bodyKind?: BodyKind;
  /** The method takes a params object at all (it may have no required field). */
  hasParams: boolean;
  /** The example must pass the params object (a field or the whole body is in it), if only as `{}`. */
  paramsRequired: boolean;
  result: ResultShape;
  /** Media type of a downloaded or text result. */
  resultMedia?: string;
  /** TS params type name (`OAuthClientCreateParams`); Java uses the same class names. */
  paramsType: string;
  /** `wholeBody` is an argument after the positional one in the TS call; else it is the `body` member. */
  bodyArg?: 'positional';
  /**
   * The official SDKs' own shape of this call (config compat, surface/compat.ts): the member that
   * holds the body fields (`network_create`, as the official TypeScript SDK spells it), and the key
   * each aliased body field goes under instead of its wire name (`call_control_id` ->
   * `call_control_id_to_bridge_with`). The languages whose examples run on those SDKs (JavaScript,
   * Python, Ruby) show it; curl shows the wire.
   */
  official?: {
    bodyWrapper?: string;
    bodyKeys?: Record<string, string>;
    /**
     * One release's own way with the body (config compat.releaseBodies), by language: the member it
     * takes the body under instead, or `extra_body`: its method cannot send the body, so the example
     * passes it through the SDK's extra-body option.
     */
    releases?: Partial<Record<'python' | 'ruby', string>>;
  };
}

/** Another method bound to the operation (OperationNames.aliases), with its own type names. */
export interface AliasSurface {
  method: string;
  signature: MethodSignature;
  members: Member[];
  body: BodyShape;
  bodyWrapper?: string;
}

export interface OperationSurface {
  signature: MethodSignature;
  /** The params object's members, in declaration order (earlier path, query, header, body). */
  members: Member[];
  body: BodyShape;
  /**
   * A member that may hold the whole body instead (config compat.bodyWrappers): the params are then
   * either the usual members or the other members plus this one.
   */
  bodyWrapper?: string;
  result: ResultSurface;
  /** `Required:` every required path, query, header and body input, by wire name. */
  required: string[];
  /** `Optional:` optional query and body inputs; deep objects by their wire keys (`filter[status]`). */
  optional: DocField[];
  /** The example call, with the example values (the same in every language and in the tests). */
  example: CallInput;
  aliases: AliasSurface[];
}

/** The surface of every public operation, by operation key. */
export type Surface = ReadonlyMap<string, OperationSurface>;

/**
 * How each SDK spells an operation's inputs (docs/NAMING.md, "Other languages"): Python and Ruby
 * keyword arguments, Go struct fields and param types, Java builder setters, classes and packages,
 * the official SDKs' conventions. One table per language; names.ts hands them to the emitters with
 * what depends on the operation (its Go params type, its Java package).
 */
import { goPascal, javaCamel, singular, tsPascal, withLeadingLetter } from './casing.ts';
import { JAVA_KEYWORDS, PYTHON_KEYWORDS, RUBY_CLASHES } from './keywords.ts';
import { distinctNames } from './resolve.ts';

/**
 * Names for sibling inputs (the keyword arguments of one call, the fields of one struct), one per
 * wire name in order, distinct. A body passed whole goes under the wire name `body`, as every SDK
 * names it.
 */
export type Spell = (wires: readonly string[]) => string[];

/**
 * The official SDKs' snake_case of a camelCase property, unlike an accessor's (casing.ts `snake`):
 * a digit run stays on its word and a plural acronym is one word (`businessAddr1` -> business_addr1,
 * `optInWorkflowImageURLs` -> opt_in_workflow_image_urls), as their keyword arguments spell them.
 */
function propertySnake(wire: string): string {
  return wire
    .replace(
      /([A-Z])([A-Z]+)s(?=[A-Z0-9_\-. ]|$)/g,
      (_, first: string, rest: string) => `${first}${rest.toLowerCase()}s`,
    )
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

/** The wire name when it is snake_case already, else its snake_case (`brandId` -> brand_id). */
export function snakeName(wire: string): string {
  const name = /^[a-z_][a-z0-9_]*$/.test(wire) ? wire : propertySnake(wire).replace(/^_+|_+$/g, '');
  if (!name) return 'param';
  return /^[0-9]/.test(name) ? '_' + name : name;
}

/** A Python keyword argument; keywords get a trailing `_` (`from` -> `from_`), as the SDK spells them. */
export function pythonArg(wire: string): string {
  const name = snakeName(wire);
  return PYTHON_KEYWORDS.has(name) ? name + '_' : name;
}

/**
 * A Ruby keyword argument: the official SDK suffixes the names that clash with a keyword or an
 * `Object` method with `_` (`format_:`, `in_:`), as it does its methods; it drops the plain spelling.
 */
export function rubyArg(wire: string): string {
  const name = snakeName(wire);
  return RUBY_CLASHES.has(name) ? name + '_' : name;
}

/** An exported Go identifier for a wire name (`call_control_id` -> CallControlID). */
export function goField(wire: string, prefix = 'Field'): string {
  return withLeadingLetter(goPascal(wire), prefix) || prefix;
}

/** A Java builder method for a wire name (`connection_id` -> connectionId). */
export function javaSetter(wire: string): string {
  const name = withLeadingLetter(javaCamel(wire), '_') || 'param';
  return JAVA_KEYWORDS.has(name) ? name + '_' : name;
}

/** A Java class for a component or a field (`answering_machine_config` -> AnsweringMachineConfig). */
export function javaClass(name: string): string {
  return withLeadingLetter(tsPascal(name), 'Type') || 'Value';
}

/** The constant of an enum value (`predefined-media` -> PREDEFINED_MEDIA); undefined when none reads. */
export function javaEnumConstant(value: string): string | undefined {
  const constant = value
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z][A-Z0-9_]*$/.test(constant) ? constant : undefined;
}

export const PYTHON = { args: ((wires) => distinctNames(wires.map(pythonArg))) as Spell };

export const RUBY = { args: ((wires) => distinctNames(wires.map(rubyArg))) as Spell };

export const GO = {
  /** The fields of one struct literal. */
  fields: ((wires) => distinctNames(wires.map((w) => goField(w)))) as Spell,
  /** The param struct of a component schema: `telnyx.<Name>Param`. */
  componentParam: (ref: string) => `${goField(ref, 'Type')}Param`,
  /** A struct nested in a params struct is named after its parent and field: `CallDialParamsAnsweringMachineConfig`. */
  nestedStruct: (parent: string, field: string) => parent + field,
};

export const JAVA = {
  setter: javaSetter,
  /**
   * The item of a list setter: Stainless builders add items one by one, `allowedGrantTypes` ->
   * `addAllowedGrantType(...)`, and an enum item's class is named after it.
   */
  listItem: (setter: string) => singular(setter.charAt(0).toUpperCase() + setter.slice(1)),
  componentClass: javaClass,
  /** A class nested in its owner, for an object or enum field: `CallDialParams.AnsweringMachineConfig`. */
  nestedClass: (owner: string, field: string) => `${owner}.${javaClass(field)}`,
  enumConstant: javaEnumConstant,
};

/** The Go params type: every resource of the chain in singular, the Go method, `Params`. */
export function goParamsType(resource: readonly string[], goMethod: string): string {
  return resource.map((r) => singular(goPascal(r))).join('') + goMethod + 'Params';
}

/** `com.telnyx.sdk.models.<resource chain in lower case>`, where Stainless puts a resource's params. */
export function javaPackage(resource: readonly string[]): string {
  const chain = resource.map((r) =>
    javaCamel(r)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ''),
  );
  return [
    'com.telnyx.sdk.models',
    ...chain.map((s) => (JAVA_KEYWORDS.has(s) || /^[0-9]/.test(s) ? `_${s}` : s)),
  ].join('.');
}

/**
 * Names for the inline objects of a union, so that they become nested named types like every other
 * inline object (docs/RUNTIME.md, "Surface"). A variant is named after the value of the property that
 * tells the variants apart when there is one (`type: 'predefined_media'` -> `predefined_media`), else
 * after its position (`union_member_1`, as the official SDK names them). Both the model stage
 * (component types) and the TypeScript emitter (operation types) name variants this way.
 */
import type { ArrayNode, ObjectNode, TypeNode } from './types.ts';

/** An object with properties, or an array of them: what gets a name instead of an inline literal. */
function isInlineObject(node: TypeNode): node is ObjectNode | (ArrayNode & { items: ObjectNode }) {
  const target = node.kind === 'array' ? node.items : node;
  return target.kind === 'object' && target.properties.length > 0;
}

/**
 * Per variant: the name of its type when it is an inline object, else undefined. With a `property`
 * (the union is a property's type) the only object variant takes the property's name and several
 * become `<property>_<label>`; without, the names are the labels (members of a union of its own).
 */
export function variantNames(variants: readonly TypeNode[], property?: string): (string | undefined)[] {
  const labels = variantLabels(variants);
  if (property === undefined) return labels;
  const single = labels.filter(Boolean).length === 1;
  return labels.map((label) => label && (single ? property : `${property}_${label}`));
}

/** Per variant: its label when it is an inline object, else undefined. */
function variantLabels(variants: readonly TypeNode[]): (string | undefined)[] {
  const inline = variants.map((v) => (isInlineObject(v) ? (v.kind === 'array' ? v.items : v) : undefined));
  const objects = inline.filter((v): v is ObjectNode => v !== undefined);
  const tag = objects.length > 1 ? distinguishingProperty(objects) : undefined;
  return inline.map((v, i) =>
    v === undefined ? undefined : tag ? wordsOf(constValue(v, tag)) : `union_member_${i}`,
  );
}

/** A property every object has with one distinct literal string value each (a discriminator in effect). */
function distinguishingProperty(objects: ObjectNode[]): string | undefined {
  for (const candidate of objects[0]!.properties) {
    const values = objects.map((o) => constValue(o, candidate.name));
    // Distinct as names, not only as strings: `media.url` and `mediaUrl` would make one name.
    const names = values.map((v) =>
      typeof v === 'string' ? v.replace(/[^A-Za-z0-9]/g, '').toLowerCase() : '',
    );
    if (names.every((n) => /[a-z]/.test(n)) && new Set(names).size === names.length) return candidate.name;
  }
  return undefined;
}

function constValue(object: ObjectNode, property: string): unknown {
  const type = object.properties.find((p) => p.name === property)?.type;
  return type && 'enum' in type && type.enum?.length === 1 ? type.enum[0] : undefined;
}

/** A tag value as name words: a dot or slash in it must not read as another nesting level. */
const wordsOf = (value: unknown) => String(value).replace(/[^A-Za-z0-9]+/g, '_');

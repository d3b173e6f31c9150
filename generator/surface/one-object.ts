/**
 * A union body whose variants differ only in which fields they require through the composition
 * (`ConversationRelayStartRequest`: properties beside `anyOf: [{required: [url]},
 * {required: [conversation_relay_url]}, ...]`) is one object in params. Params types take a field
 * required only through a composition as optional (Property.requiredByComposition), so the variants
 * would print as the same type, told apart only by their doc comments; the official SDK declares one
 * interface. What each variant required is kept as a RequiredChoice, for the docs to say.
 */
import type { ObjectNode, Property, TypeNode } from '../model/index.ts';
import { valueHash } from '../util/hash.ts';
import type { BodyShape, RequiredChoice } from './types.ts';

type Resolve = (n: TypeNode) => TypeNode;

/** The one object a union body is in params, or undefined when its variants are different types. */
export function oneObjectOf(
  union: TypeNode,
  resolve: Resolve,
): { properties: Property[]; choice: RequiredChoice } | undefined {
  if (union.kind !== 'union' || union.discriminator || union.variants.length < 2) return undefined;
  const objects = union.variants.map(resolve);
  if (!objects.every((o): o is ObjectNode => o.kind === 'object')) return undefined;
  const groups = objects.map((o) =>
    o.properties.filter((p) => p.required && p.requiredByComposition === 'variant').map((p) => p.name),
  );
  // A variant that requires nothing of its own accepts what the others do: no choice to state.
  if (groups.some((g) => g.length === 0)) return undefined;
  const [first, ...others] = objects.map(asParams);
  if (others.some((o) => valueHash(o) !== valueHash(first))) return undefined;
  const distinct = [...new Map(groups.map((g) => [g.join(), g])).values()];
  return { properties: first!.properties, choice: { groups: distinct, anyOf: union.anyOf === true } };
}

/**
 * A variant as params type it: readOnly fields left out, and what it alone requires (by composition)
 * optional, as the params types print it (emit/typescript/type-expr.ts propertyLine).
 */
function asParams(object: ObjectNode): ObjectNode {
  const properties = object.properties
    .filter((p) => !p.readOnly)
    .map((p): Property => {
      if (p.requiredByComposition !== 'variant') return p;
      const { requiredByComposition: _, ...rest } = p;
      return { ...rest, required: false };
    });
  return { ...object, properties };
}

/**
 * Whether a required body makes the params object required though no member is: a body that is one
 * of several objects, or one object that requires a choice of fields (an empty one is refused).
 */
export const bodyNeedsAChoice = (shape: BodyShape) =>
  shape.kind === 'variants' || (shape.kind === 'fields' && shape.choice !== undefined);

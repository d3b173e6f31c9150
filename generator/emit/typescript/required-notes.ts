/**
 * What a params type's docs say of fields the API requires but the type leaves optional, as the
 * official SDK's params do (README, "a field required only through a composition"): the compiler does
 * not refuse a request without them, the API does.
 */
import type { RequiredChoice } from '../../surface/index.ts';

const LOOSE =
  'optional here, as in the official SDK, so the API refuses a request without it, not the compiler.';

/** The doc line of a property required only through a composition (Property.requiredByComposition). */
export const REQUIRED_BY_API = {
  always: `Required by the API (the spec requires it through a composition of schemas); ${LOOSE}`,
  variant: `Required by the API in this variant (the spec requires one variant of the union); ${LOOSE}`,
};

/**
 * The doc line of a union body taken as one object (surface/one-object.ts): "The API requires at least
 * one of `url`, `conversation_relay_url` or `conversation_relay_settings`; ...".
 */
export function requiredChoiceNote(choice: RequiredChoice): string {
  const code = (names: string[]) => names.map((name) => `\`${name}\``);
  const groups = choice.groups.map((g) => (g.length > 1 ? `${listed(code(g), 'and')} together` : code(g)[0]));
  const how = choice.anyOf ? 'at least one' : 'exactly one';
  return `The API requires ${how} of ${listed(groups, 'or')}; they are optional here, as in the official SDK, so the API refuses a request without one, not the compiler.`;
}

/** `a`, `a or b`, `a, b or c`. */
const listed = (items: string[], word: string) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}` : (items[0] ?? '');

/**
 * What an operation says it does, when two independent sources agree (docs/NAMING.md, "Method names"):
 * the summary's leading word and the operationId's leading word. Neither alone is a naming source
 * (operationIds are inconsistent, summaries are prose), but when both open with the same word the
 * API's authors named the action twice: `Dial` + `DialCall` -> dial.
 */
import { singular, splitWords } from './casing.ts';

export interface StatedIntent {
  summary?: string;
  operationId?: string;
}

/**
 * Leading words that say nothing the HTTP method does not: the CRUD names and their synonyms. Such a
 * verb leaves the name to the path and the method (`Get a bucket` -> retrieve, `Create a room` -> create).
 */
const CRUD_VERBS = new Set(
  'create retrieve update delete list get fetch show find search submit replace modify edit set'.split(' '),
);

/** First word of the summary, lower-case, when it is a plain word (`Dial`, `Send a message` -> send). */
function summaryLead(summary: string | undefined): string | undefined {
  const first = summary?.trim().split(/\s+/)[0];
  return first && /^[A-Za-z]+$/.test(first) ? first.toLowerCase() : undefined;
}

/** First word of the operationId in any casing (`DialCall`, `trigger_test_run_post` -> dial, trigger). */
const idLead = (operationId: string | undefined) => splitWords(operationId ?? '')[0]?.toLowerCase();

/**
 * The verb both the summary and the operationId lead with, a CRUD one only with `crudToo`. A word
 * that is the singular of a plural path segment is the resource's noun, not a verb (`Assistant Chat`
 * + `assistant_chat_post` on `/assistants/{id}/chat` names no action).
 */
function agreedVerb(op: StatedIntent, path: string, crudToo = false): string | undefined {
  const lead = summaryLead(op.summary);
  if (!lead || (!crudToo && CRUD_VERBS.has(lead)) || idLead(op.operationId) !== lead) return undefined;
  const nouns = path
    .split(/[^A-Za-z0-9]+/)
    .flatMap(splitWords)
    .map((w) => w.toLowerCase())
    .filter((w) => singular(w) !== w)
    .map(singular);
  return nouns.includes(lead) ? undefined : lead;
}

/**
 * The method a POST, PUT or PATCH CRUD slot takes instead of its CRUD name: the agreed verb
 * (`POST /calls` "Dial" `DialCall` -> dial). Not for a GET: a read's verb (view, look up) only
 * restates retrieve or list. Not for a DELETE: the reference keeps `delete` for stated verbs as often
 * as it takes them (revoke, remove vs deactivate). Not for a POST answered 202 Accepted: it queues
 * something the API then tracks, a create ("Send a fax" is `faxes.create`, where "Send a message",
 * answered 200, is `messages.send`). Both limits were measured on the 2025-12 reference: without
 * them fax, oauth and storage each lose an accessor (README, naming rules).
 */
export function domainVerb(
  op: StatedIntent & { method: string; path: string; accepted?: boolean },
): string | undefined {
  if (op.method === 'get' || op.method === 'delete' || (op.method === 'post' && op.accepted))
    return undefined;
  return agreedVerb(op, op.path);
}

/**
 * The words of a POST's folded segment with the agreed verb leading: moved to the front when the
 * segment holds it (`file_upload` "Upload file" -> uploadFile), else put before the noun
 * (`2faEmail` "Resend 2FA email" -> resend2faEmail). A segment that already leads with the verb, or
 * names the action as a noun (`validation_codes` for "Validate ..."), keeps its words. `onItem`: the
 * segment follows a path parameter, so it is a noun of one item and a CRUD verb says what happens to
 * it (`/credentials/{id}/token` "Create a token" -> createToken); elsewhere a CRUD verb only restates
 * the POST (`/oauth/grants` "Create a grant" stays grants).
 */
export function verbLedWords(
  words: string[],
  op: StatedIntent & { method: string; path: string },
  onItem: boolean,
): string[] | undefined {
  const verb = op.method === 'post' ? agreedVerb(op, op.path, onItem) : undefined;
  if (!verb || words[0] === verb) return undefined;
  if (words.includes(verb)) return [verb, ...words.filter((w) => w !== verb)];
  const stem = verb.replace(/e$/, '');
  return words.some((w) => w.startsWith(stem)) ? undefined : [verb, ...words];
}

/**
 * Values that look real (docs/SKILLS.md, "Examples"): what a string gets when the spec gives no usable
 * example and no enum. A reader copies these into real calls, so `to: 'to'` or `/calls/call_control_id`
 * teaches nothing, where `to: '+13125550142'` and `/calls/v3:...` show the shape the API wants.
 *
 * One ordered table of (name / format / description) -> value; the first row that matches wins. Every
 * value is a pure function of the field (its name, format, description and the resource it belongs
 * to), so a parameter shows the same value in every operation and every language. The caller
 * (examples.ts) still holds the result against the schema's pattern and length bounds.
 */
import { sha256 } from '../util/hash.ts';

export interface Field {
  /** The field or parameter name as the spec spells it (`phoneNumber`, `call_control_id`). */
  name: string;
  format?: string;
  description?: string;
  /** The resource the field belongs to, in words (`Messaging Profile`), when the schema says. */
  subject?: string;
}

/** Stand-ins specs use for "some value" (compared squashed: lower case, no `_ - . space`). */
const PLACEHOLDER_WORDS = new Set([
  'string',
  'id',
  'uuid',
  'email',
  'name',
  'example',
  'test',
  'foo',
  'bar',
  'xxx',
  'value',
  'placeholder',
  'e164',
  '+e164',
]);
/** Shapes that say "fill me in" rather than show a value: `<token>`, `{id}`, `XXXX`. */
const PLACEHOLDER_SHAPES = [/^<[\w .:-]+>$/, /^\{[\w.-]+\}$/, /^x{3,}$/i];

/** Fields whose values name a field or a type (`sort: name`, `data_type: string`): words are real there. */
const NAMES_A_FIELD = /^(sort|sort_by|order|order_by|fields|parameter|type|data_type)$|_required$/;

const squash = (text: string) => text.toLowerCase().replace(/[\s_.-]/g, '');

/**
 * Why a spec example is a placeholder (then it counts as missing, and lint reports it), or undefined
 * when it may be shown. Only strings: a number or boolean example always says something.
 */
export function placeholderReason(value: unknown, name: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = squash(value);
  if (text !== '' && text === squash(name)) return 'it repeats the field name';
  if (PLACEHOLDER_WORDS.has(text) && !NAMES_A_FIELD.test(snake(name)))
    return `"${value}" stands in for a value`;
  if (PLACEHOLDER_SHAPES.some((re) => re.test(value.trim()))) return 'it is a fill-me-in slot';
  return undefined;
}

/**
 * The same for a whole example: an array is a placeholder when every string in it is one (`to:
 * ['+E.164']`), not when one word sits among real values (`['webhook', 'sms', 'email']`).
 */
export function placeholderIn(example: unknown, name: string): string | undefined {
  if (!Array.isArray(example)) return placeholderReason(example, name);
  const strings = example.filter((item) => typeof item === 'string');
  const reasons = strings.map((item) => placeholderReason(item, name));
  return strings.length > 0 && reasons.every((r) => r !== undefined) ? reasons[0] : undefined;
}

/** `phoneNumber`, `Idempotency-Key`, `AIAssistantId` -> `phone_number`, `idempotency_key`, `ai_assistant_id`. */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();
}

const kebab = (name: string) => snake(name).replace(/_/g, '-');

/** Hex digits that depend only on the seed: distinct fields get distinct ids, the same field the same. */
const digest = (seed: string) => sha256(seed);

/** A version-4-shaped uuid per field name. */
export function uuidFor(name: string): string {
  const h = digest(`uuid:${snake(name)}`);
  const variant = '89ab'[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An E.164 number in the range reserved for fiction (+1 NXX 555-0100..0199), one per field name. */
export function phoneFor(name: string): string {
  const n = parseInt(digest(`phone:${snake(name)}`).slice(0, 4), 16) % 100;
  return `+1312555${String(100 + n).padStart(4, '0')}`;
}

/** A Call Control id as the API issues them (`v3:` and an opaque url-safe token). */
function callControlFor(name: string): string {
  const token = Buffer.from(digest(`call:${snake(name)}`), 'hex').toString('base64url');
  return `v3:${token.slice(0, 36)}`;
}

/** A URL on example.com whose path says what it is for (a webhook receiver, an audio file, ...). */
function urlFor(f: Field): string {
  const name = snake(f.name);
  if (/webhook|callback|event_url|status/.test(name)) return 'https://example.com/webhooks';
  if (/stream/.test(name)) return 'wss://example.com/media-stream';
  if (/media_urls?$|image|photo|logo|avatar|picture/.test(name))
    return 'https://example.com/images/photo.jpg';
  if (/audio|sound|music|recording|ringback|voicemail|greeting/.test(name))
    return 'https://example.com/audio/greeting.mp3';
  if (/redirect/.test(name)) return 'https://example.com/oauth/callback';
  const stem = name.replace(/(^|_)(url|uri|urls|uris|link|href)$/, '');
  return stem ? `https://example.com/${kebab(stem)}` : 'https://example.com';
}

/** What a `name` shows: the resource's own name when the schema says which resource it is. */
const nameFor = (f: Field) => (f.subject ? `My ${f.subject}` : 'Main Office');

/** An example the description gives in words: "(e.g. `call-control`)", "for example `gpt-4o`". */
function fromDescription(f: Field): string | undefined {
  const m = /\b(?:e\.g\.|for example|such as)[,:]?\s+[`"']([^`"'\s][^`"']{0,60})[`"']/i.exec(
    f.description ?? '',
  );
  return m && !/[=&{}[\]]/.test(m[1]) && !placeholderReason(m[1], f.name) ? m[1] : undefined;
}

interface Rule {
  /** Tested against the snake_case name. */
  name?: RegExp;
  /** Tested against the format, '' when there is none. Rows without it take any format. */
  format?: RegExp;
  description?: RegExp;
  value: string | ((f: Field) => string | undefined);
}

const NO_FORMAT = /^$/;
const SENTENCE = {
  text: 'Hello from Telnyx! Your order has shipped.',
  instructions: 'You are a friendly support agent for Acme Corp. Keep answers short and polite.',
  greeting: 'Hi, thanks for calling Acme Corp. How can I help you today?',
  description: 'Used by the customer support team.',
  question: 'How do I reset my voicemail PIN?',
};

/** First match wins: formats first (they are the schema's word), then names, then descriptions. */
const RULES: Rule[] = [
  { format: /^uuid$/i, value: (f) => uuidFor(f.name) },
  { format: /^date-time$/i, value: '2025-01-15T09:30:00Z' },
  { format: /^date$/i, value: '2025-01-15' },
  { format: /^time$/i, value: '09:30:00' },
  { format: /^(idn-)?email$/i, value: 'user@example.com' },
  { format: /^(uri|url|iri|uri-reference)$/i, value: urlFor },
  { format: /^(idn-)?hostname$/i, value: 'example.com' },
  { format: /^ipv4$/i, value: '192.0.2.10' },
  { format: /^ipv6$/i, value: '2001:db8::10' },
  { format: /^\+?e\.?164$/i, value: (f) => phoneFor(f.name) },
  { format: /^iso4217$/i, value: 'USD' },
  { format: /^byte$/i, value: 'aGVsbG8=' },
  { format: /^json-pointer$/i, value: '/data/0/id' },
  // Call legs are addressed by Call Control ids; TeXML calls the same thing a CallSid.
  { name: /(^|_)call_control_ids?$|(^|_)call_sids?($|_)/, value: (f) => callControlFor(f.name) },
  { name: /(^|_)(ids?|sids?|uuids?|identifier)$|^idempotency_key$/, value: (f) => uuidFor(f.name) },
  // Call Control echoes client_state back base64-encoded: an example must be base64 to be accepted.
  { name: /client_state$/, value: Buffer.from('order-1234').toString('base64') },
  // `to`/`from` are dates on some list filters and addresses on email: their words decide first.
  { name: /^(to|from|reply_to|cc|bcc)$/, description: /e-?mail/i, value: 'user@example.com' },
  { name: /^(to|from)$/, description: /timestamp|ISO 8601|\bdate\b/i, value: '2025-01-15T09:30:00Z' },
  {
    name: /^(to|from|numbers|tn|telephone_numbers?)$|phone(s|_numbers?|_e164)?$|(^|_)(destination|callback|starting|ending|originating|translated|caller_id|forwarding|called|calling)_number$/,
    value: (f) => phoneFor(f.name),
  },
  { name: /(^|_)e?mail(_address|s)?$/, value: 'user@example.com' },
  { name: /(^|_)(urls?|uris?|link|href|webhook)$/, value: urlFor },
  { name: /(_at|^timestamp|_timestamp)$/, value: '2025-01-15T09:30:00Z' },
  { name: /(_|^)date$/, value: '2025-01-15' },
  { name: /(^|_)country(_code|_iso)?$|^iso_country/, value: 'US' },
  { name: /(^|_)(language|language_code|locale|lang)$/, value: 'en-US' },
  { name: /(^|_)currency(_code)?$/, value: 'USD' },
  { name: /time_?zone$/, value: 'America/New_York' },
  { name: /(^|_)cidr(_block)?$|(^|_)subnet$/, value: '192.0.2.0/24' },
  { name: /(^|_)ip(_address)?$/, value: '192.0.2.10' },
  { name: /(^|_)(domain|host|hostname|fqdn)$/, value: 'example.com' },
  { name: /(^|_)(postal|zip)(_code)?$/, value: '60601' },
  { name: /(^|_)(city|locality)$/, value: 'Chicago' },
  { name: /^(state|administrative_area|province)$/, value: 'IL' },
  { name: /(^|_)(street_address|street|address_line_?1|line_?1)$|^address$/, value: '311 W Superior St' },
  { name: /^first_name$|_first_name$/, value: 'Jane' },
  { name: /^last_name$|_last_name$/, value: 'Doe' },
  { name: /(full|contact|person|signer|authorizer|caller)_name$/, value: 'Jane Doe' },
  { name: /(company|business|organization|organisation|legal|brand|carrier)_name$/, value: 'Acme Corp' },
  { name: /(^|_)(user_?name|login)$/, value: 'jane.doe' },
  { name: /(^|_)(password|secret)$/, value: 'Str0ng-Passw0rd!' },
  {
    name: /(^|_)(token|api_key|access_key|secret_key)$/,
    value: (f) => digest(`token:${snake(f.name)}`).slice(0, 32),
  },
  { name: /(^|_)(otp|pin|verification_code)$|^code$/, value: '123456' },
  { name: /(^|_)(area_code|npa)$/, value: '312' },
  { name: /(^|_)bucket(_name)?$/, value: 'my-bucket' },
  { name: /(^|_)file(_?name)?$|filename$/, value: 'report.pdf' },
  { name: /^(object_name|object_key|key)$/, value: 'reports/2025-01.csv' },
  { name: /(^|_)media_name$/, value: 'welcome-greeting' },
  { name: /(^|_)queue_name$/, value: 'support' },
  { name: /(^|_)(tags?|labels?)$/, value: 'vip' },
  { name: /(^|_)use_?case$/, value: 'CUSTOMER_CARE' },
  { name: /(^|_)phone_number_type$/, value: 'local' },
  { name: /(^|_)(count|quantity)(_requested)?$/, value: '1' },
  { name: /(^|_)region$/, value: 'us-central-1' },
  { name: /(^|_)role$/, value: 'user' },
  { name: /(^|_)(reference|ref)$/, value: 'ACME-0042' },
  { name: /(^|_)training_file$/, value: 'training-data.jsonl' },
  { value: fromDescription },
  { name: /(^|_)(display|friendly|unique)_name$|^name$/, value: nameFor },
  { name: /_name$/, value: (f) => `my-${kebab(snake(f.name).replace(/_name$/, ''))}` },
  { name: /(^|_)(text|message|body|sms|content|caption|reply|payload)$/, value: SENTENCE.text },
  { name: /(^|_)(instructions|prompt|system_prompt|system_message)$/, value: SENTENCE.instructions },
  { name: /(^|_)(greeting|welcome_message|first_message)$/, value: SENTENCE.greeting },
  {
    name: /(^|_)(description|summary|notes?|comments?|about|reason|details|purpose|memo|information|info)$/,
    value: SENTENCE.description,
  },
  { name: /(^|_)(query|question|search|input|utterance)$/, value: SENTENCE.question },
  { name: /(^|_)(subject|title)$/, value: 'Your appointment reminder' },
  {
    name: /(^|_)(error|error_message|failure_reason)$/,
    value: 'The caller hung up before the transfer completed.',
  },
  {
    name: /(^|_)(criteria|criterion|expectation)$/,
    value: 'The agent greets the caller and confirms their identity.',
  },
  {
    description: /E\.?164|^(the )?(tele)?phone number\b/i,
    format: NO_FORMAT,
    value: (f) => phoneFor(f.name),
  },
  { description: /ISO 3166/i, value: 'US' },
  { description: /ISO 4217/i, value: 'USD' },
  { description: /BCP[- ]?47/i, value: 'en-US' },
  { description: /\bURL\b/, value: urlFor },
  // Nothing describes it: a label a user could have chosen, never the bare field name.
  { value: (f) => `my-${kebab(f.name) || 'value'}` },
];

/** The first row's value for the field (the last row always answers). */
export function realisticString(field: Field): string {
  const name = snake(field.name);
  const format = field.format ?? '';
  for (const rule of RULES) {
    if (rule.name && !rule.name.test(name)) continue;
    if (rule.format && !rule.format.test(format)) continue;
    if (rule.description && !rule.description.test(field.description ?? '')) continue;
    const value = typeof rule.value === 'string' ? rule.value : rule.value(field);
    if (value !== undefined) return value;
  }
  return `my-${kebab(field.name)}`;
}

/** Words naming the resource a schema describes: `CreateMessagingProfileRequest` -> `Messaging Profile`. */
export function subjectOf(schemaName: string): string | undefined {
  const NOISE =
    /^(create|update|patch|new|request|req|response|resp|params?|body|schema|data|payload|input|object)$/i;
  const words = (schemaName.split(/[^A-Za-z0-9]+/).pop() ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter((w) => w && !NOISE.test(w));
  return words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : undefined;
}

/**
 * How an error body becomes an error's message: Telnyx's `{errors: [{code, title, detail, source}]}`,
 * FastAPI's `{detail}`, and the other shapes Telnyx endpoints answer with.
 */

/** One entry of Telnyx's `errors` array. */
export interface TelnyxErrorDetail {
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

const MAX_MESSAGE_BODY = 500;

/** Human text for an error body in the shapes Telnyx endpoints use; undefined when there is none. */
export function describeErrorBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return truncate(body.trim());
  if (typeof body !== 'object') return String(body);
  const errors = extractErrors(body);
  if (errors.length > 0) return errors.map(describeOne).join('; ');
  const record = body as Record<string, unknown>;
  // FastAPI-style endpoints (AI, inference) answer `{detail: string | [{loc, msg}]}`.
  if (typeof record.detail === 'string') return record.detail;
  if (Array.isArray(record.detail)) return record.detail.map(describeValidationItem).join('; ');
  if (typeof record.message === 'string') return record.message;
  if (typeof record.error === 'string') return record.error;
  return truncate(JSON.stringify(body));
}

function describeOne(e: TelnyxErrorDetail): string {
  const head = [e.code ? `[${e.code}]` : '', e.title ?? ''].filter(Boolean).join(' ');
  const where = e.source?.pointer ?? e.source?.parameter;
  const text = [head, e.detail].filter(Boolean).join(': ') || 'Unknown error';
  return where ? `${text} (at ${where})` : text;
}

function describeValidationItem(item: unknown): string {
  if (typeof item !== 'object' || item === null) return String(item);
  const { msg, loc } = item as { msg?: unknown; loc?: unknown };
  const where = Array.isArray(loc) ? ` (at ${loc.join('.')})` : '';
  return `${typeof msg === 'string' ? msg : JSON.stringify(item)}${where}`;
}

export function extractErrors(body: unknown): TelnyxErrorDetail[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is TelnyxErrorDetail => typeof e === 'object' && e !== null);
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_BODY ? `${text.slice(0, MAX_MESSAGE_BODY)}…` : text;
}

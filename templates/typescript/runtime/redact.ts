/**
 * Scrubbing secrets (the API key, the OAuth client secret and tokens) from text before it becomes an
 * error message or a log line.
 */

/** Replaces every secret it knows with `[redacted]`; `add` teaches it one learnt later (an OAuth token). */
export interface Redactor {
  (text: string): string;
  add(secret: string | undefined): void;
}

/**
 * Returns a function that replaces every occurrence of the given secrets with `[redacted]`.
 * Applied to response bodies, response headers and messages before they become errors or log
 * lines, because a server or proxy may echo the Authorization header back.
 */
export function redactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const live = new Set<string>();
  const redact = ((text: string) => {
    let out = text;
    for (const secret of live) out = out.split(secret).join('[redacted]');
    return out;
  }) as Redactor;
  redact.add = (secret) => {
    if (typeof secret === 'string' && secret.length >= 4) live.add(secret);
  };
  secrets.forEach(redact.add);
  return redact;
}

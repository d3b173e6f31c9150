/**
 * OAuth client credentials (`clientID`, `clientSecret`), the official client's other way to
 * authenticate: an access token from `POST <baseURL>/oauth/token` (`grant_type=client_credentials`,
 * HTTP Basic), cached and fetched again 10 s before it expires, or after a failed fetch.
 */
import { APIError } from './errors.js';
import type { Redactor } from './redact.js';
import { redactResponseHeaders } from './headers.js';
import { buildURL } from './request.js';
import { fetchWithinOrigin } from './redirects.js';
import { parseMaybeJSON, type Fetch } from './transport.js';

const RENEW_BEFORE_MS = 10_000;

export class ClientCredentials {
  readonly #id: string;
  readonly #secret: string;
  readonly #fetch: Fetch;
  readonly #redact: Redactor;
  readonly #now: () => number;
  #cached: Promise<{ token: string; expiresAt: number }> | undefined;

  /** `redact` learns each access token, which is as much a credential as the secret. */
  constructor(id: string, secret: string, fetch: Fetch, redact: Redactor, now: () => number) {
    this.#id = id;
    this.#secret = secret;
    this.#fetch = fetch;
    this.#redact = redact;
    this.#now = now;
  }

  /** A valid access token for the API at `baseURL`. */
  async token(baseURL: string): Promise<string> {
    const cached = await this.#cached?.catch(() => undefined);
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > this.#now()) return cached.token;
    this.#cached = this.#fetchToken(baseURL);
    return (await this.#cached).token;
  }

  async #fetchToken(baseURL: string): Promise<{ token: string; expiresAt: number }> {
    const url = buildURL(baseURL, '/oauth/token', {}, undefined);
    const response = await fetchWithinOrigin(
      this.#fetch,
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          Authorization: `Basic ${base64(`${this.#id}:${this.#secret}`)}`,
        },
        body: 'grant_type=client_credentials',
      },
      this.#redact,
    );
    const text = await response.text();
    const token = (parseMaybeJSON(text) as { access_token?: unknown } | undefined)?.access_token;
    this.#redact.add(typeof token === 'string' ? token : undefined);
    const body = parseMaybeJSON(this.#redact(text)) as
      { access_token?: unknown; expires_in?: unknown } | undefined;
    // The token becomes a header value: one HTTP cannot carry would fail later with a TypeError printing it.
    const usable = typeof token === 'string' && /^[\x21-\x7e]+$/.test(token);
    if (!response.ok || !usable) {
      const unsendable = response.ok && typeof token === 'string';
      throw APIError.generate(
        response.ok ? 502 : response.status,
        // The message says what is wrong with a token; the body would only show it, redacted.
        unsendable ? undefined : body,
        !response.ok
          ? 'The OAuth token request failed.'
          : unsendable
            ? 'The OAuth token response has an access_token that cannot be sent in an HTTP header.'
            : 'The OAuth token response has no access_token.',
        redactResponseHeaders(response.headers, this.#redact),
      );
    }
    const seconds = typeof body?.expires_in === 'number' ? body.expires_in : 3600;
    return { token, expiresAt: this.#now() + seconds * 1000 };
  }
}

/** Base64 of UTF-8 text (btoa alone rejects characters above U+00FF). */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}

/**
 * OAuth client credentials (`clientID`, `clientSecret`), the official client's other way to
 * authenticate: an access token from `POST <baseURL>/oauth/token` (`grant_type=client_credentials`,
 * HTTP Basic), cached and fetched again 10 s before it expires, or after a failed fetch.
 */
import { APIError } from './errors.js';
import { buildURL } from './request.js';
import { parseMaybeJSON, type Fetch } from './transport.js';

const RENEW_BEFORE_MS = 10_000;

export class ClientCredentials {
  readonly #id: string;
  readonly #secret: string;
  readonly #fetch: Fetch;
  readonly #redact: (text: string) => string;
  readonly #now: () => number;
  #cached: Promise<{ token: string; expiresAt: number }> | undefined;

  constructor(id: string, secret: string, fetch: Fetch, redact: (text: string) => string, now: () => number) {
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
    const response = await this.#fetch(buildURL(baseURL, '/oauth/token', {}, undefined), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        Authorization: `Basic ${base64(`${this.#id}:${this.#secret}`)}`,
      },
      body: 'grant_type=client_credentials',
    });
    const body = parseMaybeJSON(this.#redact(await response.text())) as
      { access_token?: unknown; expires_in?: unknown } | undefined;
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw APIError.generate(
        response.ok ? 502 : response.status,
        body,
        response.ok ? 'The OAuth token response has no access_token.' : 'The OAuth token request failed.',
        response.headers,
      );
    }
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    return { token: body.access_token, expiresAt: this.#now() + seconds * 1000 };
  }
}

/** Base64 of UTF-8 text (btoa alone rejects characters above U+00FF). */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}

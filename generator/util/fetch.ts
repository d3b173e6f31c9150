/**
 * The one place the generator talks HTTP: GET a URL, the whole body or a FetchError that says what
 * went wrong (the caller names the URL). Everything that downloads (the pinned spec, `spec:update`)
 * goes through here, so a test can point it at a local server by URL alone.
 */

export class FetchError extends Error {
  constructor(
    readonly url: string,
    /** The HTTP status, when the server answered. */
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** 30 s per request: a spec is ~4 MB, and a hung connection must not hang CI. */
const TIMEOUT_MS = 30_000;

export async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new FetchError(url, undefined, `cannot connect (${cause})`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchError(url, response.status, `HTTP ${response.status}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

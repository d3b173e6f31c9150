/**
 * `text/event-stream` responses as an async iterable of parsed events, following the WHATWG
 * event-stream rules: `data:` lines joined with "\n", `event:`/`id:`/`retry:` fields, `:` comments
 * ignored, an event dispatched at each blank line, CR, LF and CRLF all ending a line (even when a
 * CRLF is split across chunks). `data` is JSON-parsed when it is JSON, left as text otherwise.
 */

export interface ServerSentEvent<Data = unknown> {
  /** The `event:` field, or null for the default "message" event. */
  event: string | null;
  data: Data;
  id: string | null;
  /** The `retry:` reconnection hint in ms, when the server sent one. */
  retry?: number;
}

export class Stream<Data = unknown> implements AsyncIterable<ServerSentEvent<Data>> {
  readonly #response: Response;
  readonly #controller: AbortController;
  #consumed = false;

  constructor(response: Response, controller: AbortController) {
    this.#response = response;
    this.#controller = controller;
  }

  /** The raw HTTP response (headers, status) the events came from. */
  get response(): Response {
    return this.#response;
  }

  /** Stops reading and closes the connection. */
  abort(): void {
    this.#controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ServerSentEvent<Data>> {
    if (this.#consumed)
      throw new Error('This stream has already been iterated; a response can be read only once.');
    this.#consumed = true;
    const body = this.#response.body;
    if (!body) return;
    // An endpoint that may stream (`stream: true`) can also answer with plain JSON: yield it as one event.
    const type = this.#response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      const text = await this.#response.text();
      if (text.trim() !== '') yield { event: null, data: parseData(text) as Data, id: null };
      return;
    }
    const parser = new EventParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
        for (const event of parser.push(text, done)) yield event as ServerSentEvent<Data>;
        if (done) break;
      }
      finished = true;
    } finally {
      // Breaking out of `for await` early must close the connection, not leave it dangling.
      if (!finished) this.#controller.abort();
      reader.releaseLock();
    }
  }
}

/** Incremental line/event parser; holds the partial line and the event being built. */
export class EventParser {
  #buffer = '';
  #data: string[] = [];
  #event: string | null = null;
  #id: string | null = null;
  #retry: number | undefined;
  #skipLeadingLF = false;

  /** Feeds decoded text; returns the events completed by it. `end` flushes a final unterminated event. */
  push(text: string, end = false): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let chunk = text;
    if (this.#skipLeadingLF && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.#skipLeadingLF = false;
    this.#buffer += chunk;
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    this.#buffer = lines.pop() ?? '';
    // A chunk ending in CR may be the first half of CRLF; drop the LF if it opens the next chunk.
    if (chunk.endsWith('\r')) this.#skipLeadingLF = true;
    if (end) {
      // Lenient at end of stream: a last event missing its blank line is still delivered.
      if (this.#buffer !== '') lines.push(this.#buffer);
      lines.push('');
      this.#buffer = '';
    }
    for (const line of lines) {
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const hadData = this.#data.length > 0;
    const event: ServerSentEvent = {
      event: this.#event,
      data: parseData(this.#data.join('\n')),
      id: this.#id,
    };
    if (this.#retry !== undefined) event.retry = this.#retry;
    this.#data = [];
    this.#event = null;
    this.#retry = undefined;
    // Per the spec the last event id persists across events; only data and type reset.
    return hadData ? event : undefined;
  }
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

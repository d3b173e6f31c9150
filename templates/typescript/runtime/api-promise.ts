/**
 * What every method returns: a Promise of the parsed result that can also give back the HTTP
 * response (`withResponse()`, `asResponse()`). The request starts when the method is called; the
 * body is parsed once, on the first `await`/`then`, and shared by later ones.
 */
import { loggerFor } from './log.js';
import { parseResponse } from './responses.js';
import { unbufferedResponse, type CompletedResponse } from './completed-response.js';

/** What the official SDK's APIPromise constructor takes: a fetched response and its controller. */
export interface APIResponseProps {
  response: Response;
  controller: AbortController;
  [key: string]: unknown;
}

export interface WithResponse<T> {
  data: T;
  response: Response;
  /** `x-request-id` of the response, for support tickets. */
  requestID: string | null;
}

export class APIPromise<T> extends Promise<T> {
  readonly #responsePromise: Promise<CompletedResponse>;
  readonly #parse: (completed: CompletedResponse) => T | Promise<T>;
  #parsed: Promise<T> | undefined;

  // Promise's own combinators (then of a subclass, Promise.all on APIPromise) must build plain
  // Promises, not call this constructor with an executor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  constructor(
    responsePromise: Promise<CompletedResponse>,
    parse: (completed: CompletedResponse) => T | Promise<T>,
  );
  /**
   * The official SDK's shape: a client and a response; the body is read as its content type says
   * (JSON, else text; 204 undefined) unless `parse` is given.
   */
  constructor(
    client: object,
    responsePromise: PromiseLike<APIResponseProps>,
    parse?: (client: object, props: APIResponseProps) => T | PromiseLike<T>,
  );
  constructor(
    first: Promise<CompletedResponse> | object,
    second?: ((completed: CompletedResponse) => T | Promise<T>) | PromiseLike<APIResponseProps>,
    third?: (client: object, props: APIResponseProps) => T | PromiseLike<T>,
  ) {
    // The base Promise is never observed: then/catch/finally below delegate to the parsed result.
    super((resolve) => resolve(undefined as T));
    if (isThenable(first)) {
      this.#responsePromise = first as Promise<CompletedResponse>;
      this.#parse = second as (completed: CompletedResponse) => T | Promise<T>;
      return;
    }
    const props = Promise.resolve(second as PromiseLike<APIResponseProps>);
    this.#responsePromise = props.then(({ response, controller }) =>
      unbufferedResponse(response, controller),
    );
    this.#parse = async (completed) => {
      if (third) return third(first, await props);
      const { response } = completed;
      const text = response.status === 204 ? '' : await response.text();
      const data = parseResponse({ ...completed, text }, 'auto') as T;
      loggerFor(first).debug(`response parsed: ${response.status} ${response.url}`);
      return data;
    };
  }

  /** The raw `Response` with its body unread, without parsing it. Errors still throw as APIError. */
  asResponse(): Promise<Response> {
    return this.#responsePromise.then((completed) => completed.response);
  }

  /** The parsed data together with the raw `Response` (headers, status). */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, completed] = await Promise.all([this.#result(), this.#responsePromise]);
    return { data, response: completed.response, requestID: completed.headers.get('x-request-id') };
  }

  #result(): Promise<T> {
    this.#parsed ??= this.#responsePromise.then(this.#parse);
    return this.#parsed;
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#result().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#result().finally(onfinally);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

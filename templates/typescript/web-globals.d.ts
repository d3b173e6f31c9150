/**
 * The web platform globals the client uses (fetch, Headers, Blob, streams, crypto), declared as far
 * as the client needs them. The package type-checks against this file instead of lib "DOM", which is
 * 40k lines the checker would parse for a handful of names. It is not shipped: the built
 * declarations name these globals, and a consumer's own lib (DOM, or @types/node) provides them.
 */
type BufferSource = ArrayBufferView | ArrayBuffer;
type BlobPart = BufferSource | Blob | string;
type BodyInit = ReadableStream<Uint8Array> | Blob | BufferSource | FormData | URLSearchParams | string;
type HeadersInit = [string, string][] | Record<string, string> | Headers;

interface Blob {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}
declare var Blob: { prototype: Blob; new (parts?: BlobPart[], options?: { type?: string }): Blob };

interface FilePropertyBag {
  type?: string;
  lastModified?: number;
}
interface File extends Blob {
  readonly name: string;
  readonly lastModified: number;
}
declare var File: { prototype: File; new (parts: BlobPart[], name: string, options?: FilePropertyBag): File };

interface FormData {
  append(name: string, value: string | Blob, fileName?: string): void;
}
declare var FormData: { prototype: FormData; new (): FormData };

interface URLSearchParams {
  append(name: string, value: string): void;
  has(name: string): boolean;
  forEach(callback: (value: string, name: string) => void): void;
  toString(): string;
}
declare var URLSearchParams: { prototype: URLSearchParams; new (init?: string): URLSearchParams };

interface URL {
  readonly href: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string, base?: string | URL): URL };

interface Headers {
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  forEach(callback: (value: string, name: string) => void): void;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare var Headers: { prototype: Headers; new (init?: HeadersInit): Headers };

type ReadableStreamReadResult<T> = { done: false; value: T } | { done: true; value?: undefined };
interface ReadableStreamDefaultReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  releaseLock(): void;
  cancel(reason?: unknown): Promise<void>;
}
interface ReadableStream<R = unknown> {
  getReader(): ReadableStreamDefaultReader<R>;
  cancel(reason?: unknown): Promise<void>;
}
interface ReadableStreamDefaultController<R> {
  enqueue(chunk: R): void;
  close(): void;
  error(reason?: unknown): void;
}
interface UnderlyingDefaultSource<R> {
  pull?(controller: ReadableStreamDefaultController<R>): void | PromiseLike<void>;
  cancel?(reason?: unknown): void | PromiseLike<void>;
}
declare var ReadableStream: {
  prototype: ReadableStream;
  new <R = unknown>(source?: UnderlyingDefaultSource<R>): ReadableStream<R>;
};

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface RequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
  [option: string]: unknown;
}

interface Response {
  readonly type: 'basic' | 'cors' | 'default' | 'error' | 'opaque' | 'opaqueredirect';
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly redirected: boolean;
  readonly url: string;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  clone(): Response;
  json(): Promise<unknown>;
  text(): Promise<string>;
}
declare var Response: {
  prototype: Response;
  new (
    body?: BodyInit | null,
    init?: { status?: number; statusText?: string; headers?: HeadersInit },
  ): Response;
};

declare function fetch(input: string, init?: RequestInit): Promise<Response>;

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
interface TextDecoder {
  decode(input?: BufferSource, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (): TextDecoder };

interface CryptoKey {
  readonly type: string;
}
interface SubtleCrypto {
  importKey(
    format: 'raw',
    key: BufferSource,
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKey>;
  verify(
    algorithm: { name: string },
    key: CryptoKey,
    signature: BufferSource,
    data: BufferSource,
  ): Promise<boolean>;
}
interface Crypto {
  readonly subtle: SubtleCrypto;
  randomUUID?(): string;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
}
declare var crypto: Crypto;

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare function atob(data: string): string;
declare function btoa(data: string): string;

interface Console {
  debug(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}
declare var console: Console;

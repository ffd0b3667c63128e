/**
 * Fetch's classes for the bundled Google clients and MSAL, without Node's undici. Node defines
 * `Headers`, `Request`, `Response` and `FormData` as lazy globals, and the first use of any of
 * them loads its whole bundled undici: 20 to 30 ms of a Google main step, for merging a few
 * header names or asking whether a body is a form (bench/FIRST-STEP.md). scripts/bundle.ts puts
 * `Headers` and `FormData` (and, for gaxios, `File` and `ReadableStream`) from here in scope of
 * gaxios, google-auth-library and @azure/*, and nodeHttpFetch answers gaxios with a
 * BufferedResponse.
 */
// node-fetch's own class, its one module: node-fetch is gaxios's fallback client, loaded whole only
// if gaxios ever used it. headers-polyfill would not do: its constructor probes the global Headers,
// the very getter that loads undici.
import Headers from 'node-fetch/src/headers.js';

export { Headers };

/**
 * No value is ever one of these. The clients only ask `instanceof FormData`, and the action never
 * sends a multipart form.
 */
export class FormData {}

/**
 * No value is ever one of these either: gaxios asks them of each request body, and the action's
 * bodies are strings and forms (Node's globals load its web streams and File).
 */
export class File {}
export class ReadableStream {}

/** What fetch's Response offers a client that reads its answer whole. */
export class BufferedResponse {
  readonly ok: boolean;
  readonly headers: Headers;
  readonly redirected = false;
  readonly type = 'basic';
  readonly body = null;
  // Private, as fetch's Response keeps its body: an error report that serialises the response
  // (gaxios keeps it on its errors) must not carry a token answer's bytes.
  readonly #bytes: Buffer;
  #used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    rawHeaders: ReadonlyArray<readonly [string, string]>,
    readonly url: string,
    bytes: Buffer,
  ) {
    this.#bytes = bytes;
    this.ok = status >= 200 && status <= 299;
    this.headers = new Headers(rawHeaders as Array<[string, string]>);
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async text(): Promise<string> {
    return this.#take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.#take().toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  async blob(): Promise<Blob> {
    const type = this.headers.get('content-type') ?? '';
    return new Blob([this.#take()], type ? { type } : undefined);
  }

  /** As fetch: a body is read once. */
  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }
}

/** The header names and values of fetch's `HeadersInit`, names lower-cased, repeats joined. */
export function headerRecord(init: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : String(value);
  };
  if (init === undefined || init === null) return out;
  if (typeof (init as Headers).forEach === 'function' && !Array.isArray(init)) {
    (init as Headers).forEach((value, name) => add(name, value));
  } else if (Array.isArray(init)) {
    for (const [name, value] of init as Array<[string, string]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(init as Record<string, string>)) add(name, value);
  }
  return out;
}

/**
 * The bytes of a request body as fetch sends them, with fetch's content type when the caller
 * gave none. Streams, blobs and forms are refused: nothing the action sends is one.
 */
export function bodyBytes(body: unknown, headers: Record<string, string>): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  const type = (t: string) => {
    headers['content-type'] ??= t;
  };
  if (typeof body === 'string') {
    type('text/plain;charset=UTF-8');
    return Buffer.from(body, 'utf8');
  }
  if (body instanceof URLSearchParams) {
    type('application/x-www-form-urlencoded;charset=UTF-8');
    return Buffer.from(body.toString(), 'utf8');
  }
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(
    `this client sends string, form and byte bodies only, not ${Object.prototype.toString.call(body)}`,
  );
}

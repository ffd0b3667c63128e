// Only the module of google-auth-library that makes the exchange: the package's root loads every
// Google auth client (about 540 KiB) for these two or three POSTs.
import { StsCredentials } from 'google-auth-library/build/src/auth/stscredentials.js';
import type { AccessBoundaryOptions } from './boundary.js';
import { nodeHttpFetch } from '../../http/node-fetch.js';
import type { GcpSettings } from './settings.js';
import { agentFor, describeProxyFailure } from '../../runner/proxy.js';
import { jwtExpiry } from './jwt-expiry.js';

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** Which call failed, so that the error can say what to change. */
export type Stage = 'federate' | 'impersonate' | 'downscope';

export class ExchangeError extends Error {
  override name = 'ExchangeError';
  constructor(
    readonly stage: Stage,
    readonly url: string,
    /** HTTP status, or undefined when no answer came back. */
    readonly status: number | undefined,
    /** Google's error body (never the request: that holds the tokens). */
    readonly body: unknown,
    message: string,
  ) {
    super(message);
  }
}

export interface Token {
  readonly accessToken: string;
  /** From the answer's own expiry: `expires_in` or `expireTime`. */
  readonly expiresAt: Date | undefined;
}

export interface ExchangeOptions {
  readonly timeoutMs: number;
  readonly now: () => Date;
  readonly onRetry?: (stage: Stage, status: number | undefined, attempt: number) => void;
}

/** StsCredentials with its HTTP client (gaxios) in reach, so that every call shares one client. */
class Sts extends StsCredentials {
  get http() {
    return this.transporter;
  }
}

/**
 * The three calls of a Google Cloud grant, made with google-auth-library's own RFC 8693
 * client (StsCredentials, the one its DownscopedClient uses) and its HTTP transport, but
 * pointed at endpoints we choose: DownscopedClient hard-codes sts.googleapis.com, and
 * IdentityPoolClient gives its STS call no timeout.
 */
export class Exchanger {
  private readonly transport: Sts['http'];
  private readonly sts: Sts;
  private stage: Stage = 'federate';
  /** HTTP requests sent, retries included: the round trips of one issuance. */
  requests = 0;

  constructor(
    private readonly settings: GcpSettings,
    private readonly options: ExchangeOptions,
  ) {
    this.sts = new Sts({ tokenExchangeEndpoint: `${settings.endpoints.sts}/token` });
    this.transport = this.sts.http;
    this.transport.defaults = {
      ...this.transport.defaults,
      timeout: options.timeoutMs,
      // gaxios calls it with the URL and a plain init, and reads what BufferedResponse offers.
      fetchImplementation: nodeHttpFetch as unknown as typeof fetch,
      // Per request, so that gaxios never applies its own reading of HTTPS_PROXY and NO_PROXY.
      agent: (url: URL) => agentFor(url),
      retryConfig: {
        // Only what another attempt can fix: 408, 429, 5xx and lost connections; never a denial.
        retry: 2,
        noResponseRetries: 2,
        retryDelay: 200,
        httpMethodsToRetry: ['POST'],
        onRetryAttempt: (err) => {
          // gaxios re-sends without passing the request interceptors again: count retries here.
          this.requests++;
          this.options.onRetry?.(
            this.stage,
            err.response?.status,
            err.config.retryConfig?.currentRetryAttempt ?? 1,
          );
        },
      },
    };
    this.transport.interceptors.request.add({
      resolved: async (config) => {
        this.requests++;
        // The audit log's reason for every call (google-github-actions/auth's request_reason).
        if (settings.requestReason !== undefined) {
          config.headers.set('x-goog-request-reason', settings.requestReason);
        }
        return config;
      },
    });
  }

  /** GitHub JWT → federated access token (lives as long as the JWT on Google's side). */
  async federate(jwt: string): Promise<Token> {
    this.stage = 'federate';
    // generateAccessToken needs cloud-platform on the federated token; the SA token gets the user's scopes.
    const scope = this.settings.serviceAccount
      ? [this.settings.cloudPlatformScope]
      : [...this.settings.scopes];
    const res = await this.call(`${this.settings.endpoints.sts}/token`, () =>
      this.sts.exchangeToken({
        grantType: TOKEN_EXCHANGE_GRANT,
        audience: this.settings.stsAudience,
        scope,
        requestedTokenType: ACCESS_TOKEN_TYPE,
        subjectToken: jwt,
        subjectTokenType: JWT_TOKEN_TYPE,
      }),
    );
    return { accessToken: res.access_token, expiresAt: this.expiresIn(res.expires_in) };
  }

  /** Federated token → service account token with the requested lifetime and scopes. */
  async impersonate(federated: string, serviceAccount: string): Promise<Token> {
    this.stage = 'impersonate';
    const url = `${this.settings.endpoints.iamcredentials}/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`;
    const res = await this.call(url, () =>
      this.transport.request<{ accessToken?: string; expireTime?: string }>({
        url,
        method: 'POST',
        headers: { authorization: `Bearer ${federated}`, 'content-type': 'application/json' },
        data: {
          scope: [...this.settings.scopes],
          lifetime: `${this.settings.duration}s`,
          ...this.delegates(),
        },
        responseType: 'json',
        retry: true,
      }),
    );
    const expire = res.data?.expireTime ? new Date(res.data.expireTime) : undefined;
    return {
      accessToken: res.data?.accessToken ?? '',
      expiresAt: expire && !Number.isNaN(expire.getTime()) ? expire : undefined,
    };
  }

  /** Federated token → a Google-signed ID token of the service account for `settings.idToken.audience`. */
  async generateIdToken(federated: string, serviceAccount: string): Promise<Token> {
    this.stage = 'impersonate';
    const url = `${this.settings.endpoints.iamcredentials}/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateIdToken`;
    const res = await this.call(url, () =>
      this.transport.request<{ token?: string }>({
        url,
        method: 'POST',
        headers: { authorization: `Bearer ${federated}`, 'content-type': 'application/json' },
        data: {
          audience: this.settings.idToken?.audience,
          includeEmail: this.settings.idToken?.includeEmail ?? false,
          ...this.delegates(),
        },
        responseType: 'json',
        retry: true,
      }),
    );
    const token = res.data?.token ?? '';
    return { accessToken: token, expiresAt: jwtExpiry(token) };
  }

  private delegates(): { delegates?: string[] } {
    const d = this.settings.delegates;
    return d.length ? { delegates: [...d] } : {};
  }

  /** Any access token → the same token narrowed by a Credential Access Boundary. */
  async downscope(source: string, boundary: AccessBoundaryOptions): Promise<Token> {
    this.stage = 'downscope';
    const res = await this.call(`${this.settings.endpoints.sts}/token`, () =>
      this.sts.exchangeToken(
        {
          grantType: TOKEN_EXCHANGE_GRANT,
          requestedTokenType: ACCESS_TOKEN_TYPE,
          subjectToken: source,
          subjectTokenType: ACCESS_TOKEN_TYPE,
        },
        undefined,
        boundary,
      ),
    );
    return { accessToken: res.access_token, expiresAt: this.expiresIn(res.expires_in) };
  }

  private expiresIn(seconds: number | undefined): Date | undefined {
    // Google's tokens live at most 12 hours; anything else is not an expiry we can record.
    return typeof seconds === 'number' &&
      Number.isFinite(seconds) &&
      seconds > 0 &&
      seconds <= 43_200
      ? new Date(this.options.now().getTime() + seconds * 1000)
      : undefined;
  }

  /** Runs one call and turns whatever failed into an ExchangeError that carries no request. */
  private async call<T>(url: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const e = err as { response?: { status?: number; data?: unknown }; message?: string };
      const status = e.response?.status;
      const body = e.response?.data;
      const proxy = status === undefined ? describeProxyFailure(err, url) : undefined;
      const reason =
        proxy ??
        (status === undefined
          ? (noAnswerReason(err) ?? e.message ?? 'no answer')
          : `HTTP ${status}`);
      throw new ExchangeError(
        this.stage,
        url,
        status,
        body,
        `${this.stage} failed at ${url}: ${reason}`,
      );
    }
  }
}

/**
 * Why no answer came: the system error (ECONNREFUSED...) or the client's own code (a timeout,
 * undici's "other side closed"). node-fetch puts the code on its error, Node's fetch on a cause.
 */
function noAnswerReason(err: unknown): string | undefined {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++, e = e.cause as typeof e) {
    if (typeof e.code !== 'string') continue;
    return /^E[A-Z]+$/.test(e.code) || typeof e.message !== 'string' || e.message.includes(e.code)
      ? e.code
      : `${e.message} (${e.code})`;
  }
  return undefined;
}

import { ConfidentialClientApplication } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { CloudError, ConfigurationError, errorMessage } from '../../errors.js';
import { isCertificateError, isNetworkError, withRetry, type RetryOptions } from '../retry.js';
import type { AzureSettings } from './settings.js';
import { describeProxyFailure, isProxyRefusal } from '../../runner/proxy.js';
import { msalTransport } from './msal-transport.js';

/** An access token as Entra issued it, with when it expires by this machine's clock. */
export interface AccessToken {
  readonly token: string;
  readonly expiresOnTimestamp: number;
}

export interface EntraToken {
  readonly accessToken: AccessToken;
  /** The GitHub token that was exchanged (already masked); kept only when `az login` needs it. */
  readonly assertion: string;
}

export interface ExchangeOptions {
  readonly timeoutMs: number;
  readonly retry?: Partial<RetryOptions>;
  /** Told of each failed attempt that will be retried, in words for the step's log. */
  readonly onRetry?: (line: string) => void;
}

/**
 * Throttling, server errors and a failed connection may pass; a denial never does, nor a proxy's
 * refusal or a certificate the runner does not trust. MSAL wraps what its network client threw
 * (network_error) and keeps no cause: the transport's own error, when there is one, is what says
 * the request never got an answer Entra could have meant.
 */
function isRetryableEntraError(err: unknown, transportError: unknown): boolean {
  if (isNetworkError(err) || isBusy(err)) return true;
  return (
    transportError !== undefined &&
    !isProxyRefusal(transportError) &&
    !isCertificateError(transportError)
  );
}

/** The HTTP status MSAL keeps on its errors, apart from their message. */
function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Entra throttled or failed on its side: MSAL's errors carry the status, not always in words. */
function isBusy(err: unknown): boolean {
  const status = httpStatus(err);
  if (status !== undefined && (status === 429 || status >= 500)) return true;
  return /temporarily_unavailable|server_error|\b(429|5\d\d)\b/.test(errorMessage(err));
}

/**
 * One client-credentials exchange through MSAL, Microsoft's own client: the GitHub token as
 * client assertion, a normal (non-CAE) token back. MSAL asks for the assertion per request, so
 * the token is minted once and memoised. MSAL's requests go through the action's own transport
 * (msalTransport), as every other request of the step does.
 */
export async function exchange(
  s: AzureSettings,
  mintAssertion: (audience: string) => Promise<string>,
  options: ExchangeOptions,
): Promise<EntraToken> {
  let assertion: Promise<string> | undefined;
  let assertionError: unknown;
  // MSAL wraps a failed request into network_error and drops the cause: keep the transport's own
  // error, which says what happened and whether a proxy refused.
  let transportError: unknown;
  let attempts = 0;
  const getAssertion = () =>
    (assertion ??= mintAssertion(s.audience).catch((err: unknown) => {
      assertionError = err;
      throw err;
    }));
  const authority = `${s.authority}/${s.tenantId}`;
  const authorityMetadata = entraEndpoints(authority);
  const attempt = async (): Promise<AccessToken> => {
    // What the transport says is about this attempt, not an earlier one.
    transportError = undefined;
    attempts++;
    const signal = AbortSignal.timeout(options.timeoutMs);
    // A fresh MSAL client per attempt: MSAL remembers a 429 and would refuse the retry itself.
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: s.clientId,
        authority,
        clientAssertion: getAssertion,
        // Instance discovery asks login.microsoftonline.com about the authority: another round trip, and wrong for sovereign or private ones.
        knownAuthorities: [authority],
        authorityMetadata,
      },
      system: {
        networkClient: msalTransport(s.authority, signal, (err) => (transportError = err)),
      },
    });
    // No client capabilities: CAE tokens live up to a day, normal ones 60-90 minutes.
    const result = await app.acquireTokenByClientCredential({
      scopes: [s.scope],
      skipCache: true,
      // Else MSAL takes a regional authority from MSAL_FORCE_REGION, which any step can set.
      azureRegion: 'DisableMsalForceRegion',
    });
    return {
      token: result?.accessToken ?? '',
      expiresOnTimestamp: result?.expiresOn?.getTime() ?? Date.now(),
    };
  };
  let accessToken: AccessToken;
  try {
    accessToken = await withRetry(attempt, {
      attempts: 3,
      baseDelayMs: 250,
      isRetryable: (err) =>
        assertionError === undefined &&
        !isProxyRefusal(transportError) &&
        isRetryableEntraError(err, transportError),
      onRetry: (err, n, delay) =>
        options.onRetry?.(
          `Entra ID attempt ${n} failed (${failureOf(err, transportError)}); retrying in ${delay} ms`,
        ),
      ...options.retry,
    });
  } catch (err) {
    if (assertionError !== undefined) throw assertionError;
    const token = assertion ? await assertion.catch(() => undefined) : undefined;
    throw translateEntraError(err, s, { token, transportError, attempts });
  }
  if (!accessToken.token)
    throw new CloudError(
      `Entra ID (${s.authority}) answered without an access token; nothing was issued.`,
    );
  return { accessToken, assertion: await getAssertion() };
}

/**
 * Entra's v2 endpoints under an authority, as MSAL itself has them built in for Microsoft's
 * clouds: the token request is then the only round trip, with no discovery document first, for
 * every authority the action accepts (a host, the tenant under it).
 */
export function entraEndpoints(authority: string): string {
  return JSON.stringify({
    issuer: `${authority}/v2.0`,
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  });
}

const FEDERATION_CODES = new Set([70021, 700211, 700212, 700213]);

/** Claims of the GitHub token that decide the match, for the message (never the token itself). */
function tokenFacts(token: string | undefined): { iss: string; sub: string; aud: string } {
  try {
    const c = token ? decodeJwt(token) : {};
    return {
      iss: String(c.iss ?? '(unknown)'),
      sub: String(c.sub ?? '(unknown)'),
      aud: Array.isArray(c.aud) ? c.aud.join(',') : String(c.aud ?? '(unknown)'),
    };
  } catch {
    return { iss: '(unreadable)', sub: '(unreadable)', aud: '(unreadable)' };
  }
}

/** The AADSTS code and Entra's own sentence, from MSAL's error message. */
export function aadstsOf(message: string): { code: number; text: string } | undefined {
  const m = /AADSTS(\d+):\s*([^\n]*?)(?:\s*Trace ID:|\s*$)/m.exec(message);
  return m ? { code: Number(m[1]), text: `AADSTS${m[1]}: ${m[2]!.trim()}` } : undefined;
}

/** An attempt's failure in a few words: the HTTP status, else what the transport met. */
function failureOf(err: unknown, transportError: unknown): string {
  const status = httpStatus(err);
  if (status !== undefined) return `HTTP ${status}`;
  return errorMessage(transportError ?? err);
}

/** What the exchange saw besides MSAL's error. */
interface ExchangeFacts {
  /** The GitHub token sent, for its deciding claims (never the token itself). */
  readonly token: string | undefined;
  readonly transportError: unknown;
  readonly attempts: number;
}

/** Turns Entra's refusal into what to change, with the GitHub token's deciding claims. */
function translateEntraError(
  err: unknown,
  s: AzureSettings,
  { token, transportError, attempts }: ExchangeFacts,
): Error {
  const msg = errorMessage(err);
  const where = `${s.authority}/${s.tenantId}`;
  const prefix = `Entra ID (${where}) refused the token exchange for app ${s.clientId}`;
  const aad = aadstsOf(msg);
  const t = tokenFacts(token);
  const proxy = aad ? undefined : describeProxyFailure(transportError ?? err, s.authority);
  if (proxy) return new CloudError(`Entra ID (${where}): ${proxy}`, false, { cause: err });
  if (aad && FEDERATION_CODES.has(aad.code)) {
    return new CloudError(
      `${prefix}: ${aad.text}\n` +
        `No federated credential of app ${s.clientId} matches this workflow's token exactly (case-sensitive). The token has\n` +
        `  issuer:   ${t.iss}\n  subject:  ${t.sub}\n  audience: ${t.aud}\n` +
        'Register exactly these on the app (Entra admin center → App registrations → Certificates & secrets → Federated credentials), e.g.\n' +
        `  az ad app federated-credential create --id ${s.clientId} --parameters '${JSON.stringify({ name: 'github', issuer: t.iss, subject: t.sub, audiences: [t.aud] })}'\n` +
        'or run this job where an existing credential expects it (branch, environment, pull request). An app holds at most 20 federated credentials.',
      false,
      { cause: err },
    );
  }
  if (isBusy(err)) {
    return new CloudError(
      `Entra ID (${where}) failed ${timesOf(attempts)} for app ${s.clientId}; the last error: ${httpStatus(err) === undefined ? '' : `HTTP ${httpStatus(err)}, `}${aad?.text ?? msg}`,
      true,
      { cause: err },
    );
  }
  if (aad) {
    switch (aad.code) {
      case 700024:
        return new CloudError(
          `${prefix}: ${aad.text}\nThe GitHub token (valid 5 minutes) was not valid when Entra checked it. A fresh one is minted per exchange, so check the runner's clock.`,
          false,
          { cause: err },
        );
      case 700016:
        return new ConfigurationError(
          `${prefix}: ${aad.text}\nCheck 'client-id' (${s.clientId}) and 'tenant-id' (${s.tenantId}): the app must be registered in that tenant.`,
        );
      case 90002:
      case 90072:
        return new ConfigurationError(
          `${prefix}: ${aad.text}\nCheck 'tenant-id' (${s.tenantId}) and 'authority' (${s.authority}): sovereign clouds have their own authority.`,
        );
      case 700027:
      case 50027:
        return new CloudError(
          `${prefix}: ${aad.text}\nEntra could not verify the GitHub token's signature against its issuer ${t.iss}. The federated credential's issuer must be the one that signed the token.`,
          false,
          { cause: err },
        );
      case 1002012:
      case 70011:
      case 500011:
        return new ConfigurationError(
          `${prefix}: ${aad.text}\nFix 'scope' (${s.scope}): the resource must exist in the tenant and end in /.default.`,
        );
      default:
        return new CloudError(`${prefix}: ${aad.text}`, false, { cause: err });
    }
  }
  if (
    transportError !== undefined ||
    isNetworkError(err) ||
    /network_error|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|certificate|self.signed|timed? ?out|aborted/i.test(
      msg,
    )
  ) {
    // The transport's own error says more than MSAL's wrapping of it.
    const why = transportError === undefined ? msg : errorMessage(transportError);
    return new CloudError(
      `Could not reach Entra ID's token endpoint (${where}/oauth2/v2.0/token), ${timesOf(attempts, 'attempt')}: ${why}\n` +
        "Check 'authority' / AZURE_AUTHORITY_HOST, 'tenant-id' and the network; a private authority's CA must be trusted (NODE_EXTRA_CA_CERTS).",
      true,
      { cause: err },
    );
  }
  return new CloudError(`${prefix}: ${msg}`, false, { cause: err });
}

function timesOf(n: number, noun?: string): string {
  if (noun) return `${n} ${noun}${n === 1 ? '' : 's'}`;
  return n === 1 ? 'once' : `${n} times`;
}

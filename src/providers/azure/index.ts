import { decodeJwt } from 'jose';
import { CloudError } from '../../errors.js';
import { ID_TOKEN_REQUEST_TOKEN, ID_TOKEN_URL } from '../../runner/oidc-env.js';
import type { Credential, Provider } from '../provider.js';
import { azureCloser, NOT_REVOCABLE, type AzureHandle } from './close.js';
import { httpTimeoutMs } from '../retry.js';
import { azLogin } from './cli.js';
import {
  AZURE_OUTPUTS,
  COMPETING,
  deliveryEnv,
  emptyConfigDir,
  type AzureDelivery,
} from './deliver.js';
import { MAX_TOKEN_SECONDS, parseAzureSettings, type AzureSettings } from './settings.js';

/** Non-secret claims of Entra's access token, for the record; an opaque token has none. */
function tokenClaims(token: string): Record<string, string> {
  try {
    const c = decodeJwt(token);
    const out: Record<string, string> = {};
    for (const name of ['oid', 'appid', 'tid', 'aud', 'idtyp']) {
      const v = c[name];
      if (typeof v === 'string') out[`token.${name}`] = v;
    }
    if (c['xms_cc'] !== undefined) out['token.xms_cc'] = JSON.stringify(c['xms_cc']);
    return out;
  } catch {
    return {};
  }
}

export function tokenExp(token: string): number | undefined {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? validTime(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** A time a Date can hold, or undefined: an answer's absurd expiry must not become `Invalid Date`. */
const validTime = (ms: number): number | undefined =>
  Number.isFinite(ms) && !Number.isNaN(new Date(ms).getTime()) ? ms : undefined;

export interface AzureCredential extends Credential {
  readonly accessToken: string;
  /** The GitHub token that was exchanged, kept (masked) only when az must sign in with it. */
  readonly assertion: string | undefined;
}

export const azureProvider: Provider<AzureSettings, AzureCredential, AzureHandle> = {
  ...azureCloser,
  outputNames: Object.values(AZURE_OUTPUTS),

  plan(inputs, common, env) {
    const s = parseAzureSettings(inputs, common, env);
    return {
      settings: s,
      request: {
        provider: 'azure',
        principal: s.clientId,
        scope: s.scope,
        audience: s.audience,
        // Entra alone decides: 60 to 90 minutes, at random. A policy must allow the longest.
        lifetime: MAX_TOKEN_SECONDS,
        requestedLifetime: common.duration,
        endpointOverrides: s.overridden ?? [],
      },
    };
  },

  prepare() {
    // Only the code: the SDK's fetch classes are the bundle's own (src/http/fetch-classes.ts), so
    // nothing here loads Node's undici.
    import('./entra.js').catch(() => undefined);
  },

  async issue({ settings: s }, ctx) {
    const requestedAt = ctx.now();
    // MSAL is loaded only when a call is made: a refused input, and the post step
    // that closes the grant, never pay for it.
    const { exchange } = await import('./entra.js');
    const { accessToken, assertion } = await exchange(s, () => Promise.resolve(ctx.token), {
      timeoutMs: httpTimeoutMs(process.env),
      onRetry: (line) => ctx.log.info(line),
    });
    // The token's own `exp` is Entra's clock; expiresOnTimestamp is ours plus expires_in.
    const exp = tokenExp(accessToken.token);
    const at = exp ?? validTime(accessToken.expiresOnTimestamp);
    if (at === undefined) {
      throw new CloudError(
        "Entra ID's answer gives the token no readable expiry (neither its exp nor expires_in), so the " +
          'record could not say until when Azure accepts it: it was not delivered. Check the authority ' +
          "(or any proxy between the runner and it): Entra's own answers carry both.",
        false,
      );
    }
    const expiresAt = new Date(at);
    const kept = s.azLogin ? assertion : undefined;
    const credential: AzureCredential = {
      principal: s.clientId,
      expiresAt,
      accessToken: accessToken.token,
      assertion: kept,
      secrets: kept ? [accessToken.token, kept] : [accessToken.token],
      scope: s.scope,
      facts: {
        clientId: s.clientId,
        tenantId: s.tenantId,
        ...(s.subscriptionId ? { subscriptionId: s.subscriptionId } : {}),
        authority: s.authority,
        tokenKind: 'normal (not CAE)',
        tokenLifetimeSeconds: Math.round((expiresAt.getTime() - requestedAt.getTime()) / 1000),
        azLogin: s.azLogin,
        ...tokenClaims(accessToken.token),
      },
      notes: [`${NOT_REVOCABLE} (${expiresAt.toISOString()}).`],
    };
    return { credential, handle: { azLogin: s.azLogin } };
  },

  async deliver(s0, credential, ctx): Promise<AzureDelivery> {
    const s = s0.settings;
    if (ctx.mode === 'outputs') {
      return {
        env: {},
        files: [],
        outputs: { [AZURE_OUTPUTS.accessToken]: credential.accessToken },
        secrets: [],
        expiresAt: undefined,
        notes: [],
      };
    }
    const notes: string[] = [];
    let login;
    if (s.azLogin && credential.assertion) {
      const env = { ...process.env };
      for (const name of [...COMPETING, ID_TOKEN_URL, ID_TOKEN_REQUEST_TOKEN]) delete env[name];
      const grant = {
        scope: s.scope,
        token: credential.accessToken,
        expiresAt: credential.expiresAt,
      };
      login = await azLogin(s, credential.assertion, ctx.dir, env, ctx.log, grant);
      const until = login.expiresAt ? ` until ${login.expiresAt.toISOString()}` : '';
      ctx.log.info(
        `az is signed in for this grant alone (${login.elapsedMs} ms), in ${login.configDir}; it serves its Resource Manager token` +
          `${login.grantServed ? ` and the grant's token for ${s.scope}` : ''}${until} under every spelling of ${login.grantServed ? 'their scopes' : 'its scope'} ` +
          `(${login.aliases} entered in its cache) and can mint no other.`,
      );
      notes.push(
        `The Azure CLI got its own normal (non-CAE) token for Resource Manager${until}; it cannot be revoked either.`,
      );
    }
    const configDir = login?.configDir ?? emptyConfigDir(ctx.dir);
    return {
      env: deliveryEnv(s, credential.accessToken, configDir, login),
      files: [],
      outputs: {},
      unset: COMPETING,
      secrets: login?.tokens ?? [],
      expiresAt: login?.expiresAt,
      notes,
    };
  },
};

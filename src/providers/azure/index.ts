import { decodeJwt } from 'jose';
import { ID_TOKEN_REQUEST_TOKEN, ID_TOKEN_URL } from '../../runner/oidc.js';
import { expiryClose, type Credential, type Provider } from '../provider.js';
import { httpTimeoutMs } from '../retry.js';
import { azLogin } from './cli.js';
import {
  AZURE_OUTPUTS,
  COMPETING,
  deliveryEnv,
  emptyConfigDir,
  type AzureDelivery,
} from './deliver.js';
import { parseAzureSettings, type AzureSettings } from './settings.js';

export const NOT_REVOCABLE =
  'Entra ID access tokens cannot be revoked (continuous access evaluation covers Microsoft Graph only); ' +
  'a normal, non-CAE token was asked for, so Entra accepts it until the time shown';

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

function tokenExp(token: string): number | undefined {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export const azureProvider: Provider<AzureSettings> = {
  id: 'azure',
  outputNames: Object.values(AZURE_OUTPUTS),

  parse: (inputs, common, env) => parseAzureSettings(inputs, common, env),

  audience: (s) => s.audience,

  describe: (s) => ({ principal: s.clientId, scope: s.scope }),

  async issue(s, ctx): Promise<Credential> {
    const requestedAt = ctx.now();
    // @azure/identity is loaded only when a call is made: a refused input, and the post step
    // that closes the grant, never pay for it.
    const { exchange } = await import('./entra.js');
    const { accessToken, assertion } = await exchange(s, ctx.idToken, {
      // Two requests (OpenID metadata, token) share the budget.
      timeoutMs: 2 * httpTimeoutMs(process.env),
    });
    // The token's own `exp` is Entra's clock; expiresOnTimestamp is ours plus expires_in.
    const exp = tokenExp(accessToken.token);
    const expiresAt = new Date(exp ?? accessToken.expiresOnTimestamp);
    return {
      principal: s.clientId,
      expiresAt,
      // The GitHub token is carried (masked) only when az must sign in with it; deliver scrubs it from az's files.
      secrets: s.azLogin ? [accessToken.token, assertion] : [accessToken.token],
      scope: s.scope,
      details: {
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
  },

  async deliver(s, credential, ctx): Promise<AzureDelivery> {
    const [accessToken, assertion] = credential.secrets as [string, string | undefined];
    if (ctx.mode === 'outputs') {
      return {
        env: {},
        files: [],
        outputs: { [AZURE_OUTPUTS.accessToken]: accessToken },
        secrets: [],
        expiresAt: undefined,
        notes: [],
      };
    }
    const notes: string[] = [];
    let login;
    if (s.azLogin && assertion) {
      const env = { ...process.env };
      for (const name of [...COMPETING, ID_TOKEN_URL, ID_TOKEN_REQUEST_TOKEN]) delete env[name];
      login = await azLogin(s, assertion, ctx.dir, env, ctx.log);
      const until = login.expiresAt ? ` until ${login.expiresAt.toISOString()}` : '';
      ctx.log.info(
        `az is signed in for this grant alone (${login.elapsedMs} ms), in ${login.configDir}; it holds one Resource Manager token${until} and cannot get others.`,
      );
      notes.push(
        `The Azure CLI got its own normal (non-CAE) token for Resource Manager${until}; it cannot be revoked either.`,
      );
    }
    const configDir = login?.configDir ?? emptyConfigDir(ctx.dir);
    return {
      env: deliveryEnv(s, accessToken, configDir, login),
      files: [],
      outputs: {},
      unset: COMPETING,
      secrets: login?.tokens ?? [],
      expiresAt: login?.expiresAt,
      notes,
    };
  },

  async close(grant, { now }) {
    const az =
      grant.details['azLogin'] === true
        ? "; the grant's Azure CLI login and token cache were deleted with its directory"
        : '';
    return expiryClose(grant.expiresAt, now, `${NOT_REVOCABLE}${az}`);
  },
};

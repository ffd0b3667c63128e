/**
 * Which resource a client-credentials request names, as Entra reads it on each token endpoint,
 * and Entra's refusal when the request gets it wrong:
 *
 * - v2 (`/{tenant}/oauth2/v2.0/token`): one `scope`, `<resource>/.default`; `https://x//.default`
 *   names `https://x/` (az keeps the resource's trailing slash). A `resource` parameter is
 *   refused (AADSTS901002), a missing scope is AADSTS900144, several resources AADSTS70011, a
 *   scope without `/.default` AADSTS1002012.
 * - v1 (`/{tenant}/oauth2/token`): `resource`, taken as given (missing: AADSTS900144).
 * - AD FS (`/adfs/oauth2/token`): either; MSAL sends `scope`.
 *
 * Whether the resource exists in the tenant is the caller's check (AADSTS500011, `unknownResource`).
 */

export type TokenEndpoint = 'v1' | 'v2' | 'adfs';

export type ResourceRequest =
  | { ok: true; resource: string }
  | { ok: false; status: number; error: string; code: number; message: string };

const missing = (name: string): ResourceRequest => ({
  ok: false,
  status: 400,
  error: 'invalid_request',
  code: 900144,
  message: `The request body must contain the following parameter: '${name}'.`,
});

function fromScope(scope: string): ResourceRequest {
  const scopes = scope.split(' ').filter(Boolean);
  if (scopes.length === 0) return missing('scope');
  if (scopes.length > 1) {
    return {
      ok: false,
      status: 400,
      error: 'invalid_scope',
      code: 70011,
      message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    };
  }
  const only = scopes[0]!;
  if (!only.endsWith('/.default') || only === '/.default') {
    return {
      ok: false,
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      message: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    };
  }
  return { ok: true, resource: only.slice(0, -'/.default'.length) };
}

export function requestedResource(
  form: Record<string, string | undefined>,
  endpoint: TokenEndpoint,
): ResourceRequest {
  const resource = form['resource'];
  const scope = form['scope'];
  if (endpoint === 'v2') {
    if (resource !== undefined) {
      return {
        ok: false,
        status: 400,
        error: 'invalid_request',
        code: 901002,
        message: "The 'resource' request parameter is not supported.",
      };
    }
    return fromScope(scope ?? '');
  }
  if (resource !== undefined && resource !== '') return { ok: true, resource };
  if (endpoint === 'adfs' && scope !== undefined) return fromScope(scope);
  return missing('resource');
}

/** Entra's answer for a resource no service principal of the tenant has as an identifier. */
export function unknownResource(resource: string, tenant: string): ResourceRequest {
  return {
    ok: false,
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    message: `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  };
}

/** Identifier URIs compare without trailing slashes and case-insensitively, as Entra matches them. */
export function sameResource(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/** Microsoft's first-party resources every tenant has, by identifier URI. */
export const FIRST_PARTY_RESOURCES = [
  'https://management.azure.com',
  'https://management.core.windows.net',
  'https://storage.azure.com',
  'https://vault.azure.net',
  'https://graph.microsoft.com',
  'https://database.windows.net',
];

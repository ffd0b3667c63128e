import { ConfigurationError } from '../errors.js';
import { ENGINE_INPUTS, type Front, type FrontPlan, type Given, type PeerInput } from './front.js';

const PEER = 'azure/login@v3';

/** Every input of azure/login v3, and what this door does with it. */
export const AZURE_PEER_INPUTS: Readonly<Record<string, PeerInput>> = {
  'client-id': { kind: 'mapped', to: 'client-id' },
  'tenant-id': { kind: 'mapped', to: 'tenant-id' },
  'subscription-id': { kind: 'mapped', to: 'subscription-id' },
  audience: { kind: 'mapped', to: 'audience', note: 'default api://AzureADTokenExchange' },
  environment: {
    kind: 'mapped',
    to: 'authority',
    note: 'AzureCloud, AzureChinaCloud, AzureUSGovernment (any case), or an https authority host; AzureStack and AzureGermanCloud have no fixed authority and are refused with what to give instead',
  },
  'allow-no-subscriptions': {
    kind: 'handled',
    note: "as the peer: without it (or false), 'subscription-id' is required",
  },
  'auth-type': {
    kind: 'handled',
    note: 'SERVICE_PRINCIPAL (default, any case) accepted; IDENTITY refused, see the reason',
  },
  creds: {
    kind: 'handled',
    note: 'a JSON with clientId, tenantId, subscriptionId and no secret is taken as those three inputs; with a clientSecret it is refused, see the reason',
  },
  'enable-AzPSSession': {
    kind: 'refused',
    when: 'true',
    reason:
      "this action signs in the Azure CLI only. Give the PowerShell step the token instead: 'run: pwsh -c " +
      '"Connect-AzAccount -AccessToken $env:AZURE_ACCESS_TOKEN -AccountId $env:AZURE_CLIENT_ID -Tenant $env:AZURE_TENANT_ID"' +
      "' (or export: outputs and its azure-access-token).",
  },
};

export const azureFront: Front = {
  provider: 'azure',
  name: 'actions/azure',
  peer: PEER,
  own: ['scope', 'az-login', ...ENGINE_INPUTS],
  inputs: AZURE_PEER_INPUTS,
  outputs: {},
  defaults: { export: 'env' },
  prepare: prepareAzure,
};

const SECRET_REASON =
  "its clientSecret is a long-lived secret, which this action exists to replace. Remove 'creds' and give 'client-id', " +
  "'tenant-id' and 'subscription-id' of an app registration (or managed identity) with a federated credential for this " +
  'workflow (permissions: id-token: write); run `jit-credentials fix` on the workflow to get the replacement step.';

function prepareAzure(given: Given): FrontPlan {
  const authType = (given.value('auth-type') ?? 'SERVICE_PRINCIPAL').toUpperCase();
  if (authType === 'IDENTITY') {
    throw new ConfigurationError(
      "actions/azure refuses 'auth-type: IDENTITY': that signs in with the managed identity of the runner's VM, not the " +
        "job's GitHub OIDC token this action exchanges and records. Register a federated credential for this workflow on " +
        "the managed identity and give its 'client-id' with the default auth-type.",
    );
  }
  if (authType !== 'SERVICE_PRINCIPAL') {
    throw new ConfigurationError(
      `Invalid auth-type '${given.value('auth-type')}'. Expected SERVICE_PRINCIPAL (the default).`,
    );
  }
  const inputs = credsInputs(given);
  const subscription = given.value('subscription-id') ?? inputs['subscription-id'];
  if (subscription === undefined && !given.boolean('allow-no-subscriptions', false)) {
    throw new ConfigurationError(
      "Ensure 'subscription-id' is supplied or 'allow-no-subscriptions' is 'true' (as azure/login requires).",
    );
  }
  return { inputs };
}

/**
 * azure/login's `creds` JSON. With a clientSecret it is a long-lived secret and refused (the
 * secret masked first, and never quoted); without one its ids are taken as the three inputs.
 */
function credsInputs(given: Given): Record<string, string> {
  const text = given.value('creds');
  if (text === undefined) return {};
  given.mask(text);
  let creds: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    creds = parsed as Record<string, unknown>;
  } catch {
    throw new ConfigurationError(
      "Input 'creds' is not a JSON object (its value is not shown). Give 'client-id', 'tenant-id' and 'subscription-id' instead.",
    );
  }
  const secret = creds['clientSecret'];
  if (typeof secret === 'string' && secret !== '') given.mask(secret);
  if (secret !== undefined && secret !== null && secret !== '') {
    throw new ConfigurationError(`actions/azure refuses 'creds': ${SECRET_REASON}`);
  }
  if (creds['resourceManagerEndpointUrl'] !== undefined) {
    throw new ConfigurationError(
      "'creds' names a resourceManagerEndpointUrl (Azure Stack), which has no fixed authority here. Give 'environment' " +
        "as the authority's https URL and 'scope' for its Resource Manager instead.",
    );
  }
  if (['client-id', 'tenant-id', 'subscription-id'].some((n) => given.value(n) !== undefined)) {
    throw new ConfigurationError(
      "Give either 'creds' or 'client-id', 'tenant-id' and 'subscription-id', not both (azure/login would ignore 'creds' " +
        'with only a warning).',
    );
  }
  const out: Record<string, string> = {};
  for (const [key, input] of [
    ['clientId', 'client-id'],
    ['tenantId', 'tenant-id'],
    ['subscriptionId', 'subscription-id'],
  ] as const) {
    const v = creds[key];
    if (typeof v === 'string' && v.trim() !== '') out[input] = v.trim();
  }
  return out;
}

import type { Cloud } from './types.js';

/**
 * Names decide most findings, because a workflow only ever shows `${{ secrets.NAME }}`: the
 * value is out of sight. A name counts as a credential when it holds a credential word and does
 * not end in an identifier word (client ids, tenants, role ARNs, regions are not secrets), and as
 * a cloud credential when it, its source or its neighbours name a cloud.
 */
const wordCache = new Map<string, string[]>();

export function words(name: string): string[] {
  let hit = wordCache.get(name);
  if (hit) return hit;
  // Names repeat across steps and files; the cache is bounded so a huge tree cannot grow it forever.
  if (wordCache.size > 20_000) wordCache.clear();
  hit = splitWords(name);
  wordCache.set(name, hit);
  return hit;
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const CRED_WORDS = new Set([
  'secret',
  'password',
  'passwd',
  'key',
  'keys',
  'keyfile',
  'credential',
  'credentials',
  'creds',
  'cred',
  'privatekey',
  'connectionstring',
  'sas',
  'json',
]);

/** The last word decides: `KMS_KEY_ARN`, `AZURE_CLIENT_ID` and `SECRET_NAME` name things, not secrets. */
const IDENTIFIER_TAIL = new Set([
  'arn',
  'role',
  'region',
  'name',
  'bucket',
  'project',
  'url',
  'uri',
  'endpoint',
  'subscription',
  'tenant',
  'user',
  'username',
  'email',
  'zone',
  'location',
  'cluster',
  'repository',
  'repo',
  'host',
  'audience',
  'provider',
  'pool',
  'path',
  'file',
  'version',
  'type',
  'number',
  'ref',
  'arns',
  'ids',
]);

/** Words before `key` that make the name an identifier: a KMS key's name, a cache or object key. */
const KEY_NAMING_WORDS = new Set(['kms', 'cmk', 'cache', 'object', 'partition', 'sort', 'lookup']);

/** A `..._JSON` name holds key material when it also says what kind. */
const JSON_KEY_WORDS = new Set([
  'credentials',
  'credential',
  'creds',
  'key',
  'keyfile',
  'sa',
  'account',
  'secret',
]);

/** Long-lived secrets that are not cloud credentials: out of this scanner's scope. */
const NON_CLOUD = new Set([
  'docker',
  'dockerhub',
  'npm',
  'pypi',
  'twine',
  'slack',
  'github',
  'gh',
  'sentry',
  'codecov',
  'sonar',
  'ssh',
  'deploy',
  'gpg',
  'cosign',
  'nuget',
  'webhook',
  'signing',
  'pulumi',
  'kms',
  'codesign',
  'maps',
  'api',
]);

const CLOUD_WORDS: Record<string, Cloud> = {
  aws: 'aws',
  s3: 'aws',
  ecr: 'aws',
  iam: 'aws',
  azure: 'azure',
  arm: 'azure',
  az: 'azure',
  acr: 'azure',
  entra: 'azure',
  gcp: 'gcp',
  gcs: 'gcp',
  gs: 'gcp',
  gke: 'gcp',
  gcr: 'gcp',
  gar: 'gcp',
  google: 'gcp',
  gcloud: 'gcp',
  bigquery: 'gcp',
  bq: 'gcp',
  firebase: 'gcp',
  r2: 'other',
  b2: 'other',
  os: 'other',
  openstack: 'other',
  swift: 'other',
  minio: 'other',
  wasabi: 'other',
  spaces: 'other',
  storage: 'other',
  blob: 'other',
};

const CLOUD_HOSTS: Array<[RegExp, Cloud]> = [
  [/\.amazonaws\.com\b/i, 'aws'],
  [/\.azurecr\.io\b/i, 'azure'],
  [/\.(blob|file|queue)\.core\.windows\.net\b/i, 'azure'],
  [/(^|[^a-z])(gcr\.io|[a-z0-9-]+-docker\.pkg\.dev)\b/i, 'gcp'],
  [/\.googleapis\.com\b/i, 'gcp'],
  [/\.r2\.cloudflarestorage\.com\b/i, 'other'],
  [/\.digitaloceanspaces\.com\b/i, 'other'],
  [/\.backblazeb2\.com\b/i, 'other'],
];

/** The cloud a name points at, or undefined. `service_account` means Google. */
export function cloudOfName(name: string): Cloud | undefined {
  const ws = words(name);
  const joined = ws.join('_');
  if (joined.includes('service_account') || joined.includes('serviceaccount')) return 'gcp';
  // `SA_PASSWORD` is SQL Server's admin password; `GKE_SA_KEY` is a Google service-account key.
  if (ws.includes('sa') && (ws.includes('key') || ws.includes('json'))) return 'gcp';
  // `BQ_KEYFILE_JSON`, dbt's `keyfile_json`: a Google service-account key file.
  if (ws.includes('keyfile') && ws.includes('json')) return 'gcp';
  for (const w of ws) {
    const c = CLOUD_WORDS[w];
    if (c) return c;
  }
  return undefined;
}

export function cloudOfText(text: string): Cloud | undefined {
  for (const [re, cloud] of CLOUD_HOSTS) if (re.test(text)) return cloud;
  return undefined;
}

export function isNonCloudName(name: string): boolean {
  // `AZURE_CODESIGN_CLIENT_SECRET` is an Azure secret whatever it signs.
  if (cloudOfName(name) !== undefined && !words(name).includes('docker')) return false;
  return words(name).some((w) => NON_CLOUD.has(w));
}

/**
 * True for key material and its pair halves: `AWS_SECRET_ACCESS_KEY`, `aws-access-key-id`,
 * `aws_key_id`, `credentials_json`, `GKE_SA_KEY`, `OS_PASSWORD`; false for `AZURE_CLIENT_ID`,
 * `AWS_ROLE_ARN`, `KMS_KEY_ID`, `SECRET_NAME`.
 */
export function isCredentialName(name: string): boolean {
  const ws = words(name);
  if (ws.length === 0) return false;
  const last = ws[ws.length - 1]!;
  const prev = ws[ws.length - 2];
  if (last === 'id') {
    // An access key id is half of a static key pair; any other id is an identifier.
    return prev === 'key' && !ws.includes('kms') && !ws.includes('client');
  }
  if (IDENTIFIER_TAIL.has(last)) return false;
  // `SECRETS_AWS_PACKAGING_ROLE_TO_ASSUME` holds a role ARN, whatever else it says.
  if (ws.includes('role') || ws.includes('arn')) return false;
  // `AWS_KMS_KEY`, `SOPS_KMS_KEY`, `CACHE_KEY`: the name of a key, or a lookup key, not key material.
  if (ws.some((w) => KEY_NAMING_WORDS.has(w))) return false;
  if (last === 'json') {
    // `GCP_SA_JSON`, `X_SERVICE_ACCOUNT_JSON`, `BQ_KEYFILE_JSON`: a service-account key file's content.
    return ws.some((w) => JSON_KEY_WORDS.has(w));
  }
  if (ws.includes('token') && !ws.some((w) => w !== 'json' && CRED_WORDS.has(w))) return false;
  return (
    ws.some((w) => CRED_WORDS.has(w) && w !== 'json') ||
    /credentials|serviceaccountkey/.test(ws.join(''))
  );
}

/** A credential name that also points at a cloud and at no non-cloud service. */
export function isCloudCredentialName(name: string): boolean {
  return isCredentialName(name) && cloudOfName(name) !== undefined && !isNonCloudName(name);
}

/** Values that documentation and emulators publish: never real credentials. */
const EXAMPLE_VALUES = [
  /^AKIAIOSFODNN7EXAMPLE$/,
  /^wJalrXUtnFEMI\/K7MDENG\/bPxRfiCYEXAMPLEKEY$/,
  /EXAMPLE/,
  // Azurite's published account key.
  /^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/,
  /^(test|testing|dummy|fake|mock|foo|bar|example|changeme|password|secret|minioadmin|localstack|none|null|xxx+|\*+|\.\.\.|<[^>]*>)$/i,
  /UseDevelopmentStorage=true/i,
  /devstoreaccount1/i,
];

export function isExampleValue(value: string): boolean {
  const v = value.trim();
  return v === '' || EXAMPLE_VALUES.some((re) => re.test(v));
}

/** Names that hold identifiers or settings (`AZURE_CLIENT_ID`, `AWS_ROLE_ARN`, `S3_BUCKET`). */
export function isIdentifierName(name: string): boolean {
  const ws = words(name);
  const last = ws[ws.length - 1];
  if (last === undefined) return false;
  if (last === 'id') return !isCredentialName(name);
  return IDENTIFIER_TAIL.has(last) || ws.includes('role') || ws.includes('arn');
}

/** `a` or `an` before a word, as spoken: an AWS key, an Azure key, a Google Cloud key. */
export function article(word: string): string {
  return /^(?:[aeiou]|AWS|S3|R2|SA\b|HSM|RSA)/i.test(word) && !/^(?:us|uni|one)/i.test(word)
    ? `an ${word}`
    : `a ${word}`;
}

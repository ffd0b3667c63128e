/**
 * GitHub Actions' OIDC issuer and the runner's ID-token endpoint, on loopback.
 *
 *   const clock = new Clock();
 *   const oidc = await startOidcIssuer({ clock, claims: { environment: 'prod' } });
 *   oidc.issuer;        // 'http://127.0.0.1:PORT' — the `iss` of every token, and the discovery base
 *   oidc.jwksUri;       // `${issuer}/.well-known/jwks`
 *   oidc.requestUrl;    // value for ACTIONS_ID_TOKEN_REQUEST_URL (ends in `?api-version=2.0`;
 *                       //   @actions/core appends `&audience=...`)
 *   oidc.requestToken;  // value for ACTIONS_ID_TOKEN_REQUEST_TOKEN (anything else gets 401)
 *   oidc.forJob;        // { url, token } — pass as `createJob({ idToken: oidc.forJob })`
 *   oidc.setClaims({ event_name: 'pull_request' });   // the job's claims for the next tokens
 *   oidc.resetClaims(); // back to the claims given at start (setClaims is sticky across tests)
 *   oidc.claims();      // the claims the next token will carry, without aud/iat/exp/nbf/jti
 *   await oidc.mint({ repository: 'evil/fork' }, { key: 'forged', expiresIn: -1 });
 *   oidc.issued;        // every token handed out, by the endpoint or mint() (for the leak canary)
 *   oidc.requests; oidc.faults;   // the server's request log and fault queue (see http.ts)
 *   await oidc.close();
 *
 * Tokens are shaped as GitHub mints them (FACTS.md): header `{alg: RS256, kid, typ: JWT}`; every
 * documented claim, all values strings except the times; `iat` = clock now, `exp` = iat + 300,
 * `nbf` = iat - 600, a fresh `jti`; `aud` defaults to `https://github.com/<owner>`. `sub` follows
 * GitHub's precedence (environment > pull_request > ref) with `:` in values written `%3A`, in the
 * `repo:OWNER@ID/REPO@ID` form when `immutable_subject: true` (repositories created or renamed
 * after 2026-07-15). Derived claims (owner, ref_type, workflow_ref, ...) follow the ones they come
 * from unless set explicitly; give `sub` explicitly only to test an odd subject.
 *
 * `mint(extra, options)` is for tokens the endpoint would never give: `extra` overrides claims (a
 * key set to `undefined` removes that claim); `options.key` is another signing key (`'forged'`
 * makes a fresh RSA key that reuses the real `kid`, the realistic forgery), `options.alg` another
 * algorithm (`'none'` gives an unsigned token), `options.kid` another or no (`null`) key id,
 * `options.expiresIn` another lifetime in seconds (negative: already expired).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type KeyObject,
} from 'jose';
import type { Clock } from './clock.ts';
import {
  startServer,
  type Faults,
  type LoggedRequest,
  type Reply,
  type TestServer,
} from './http.ts';

/** The claims GitHub puts in an Actions OIDC token, minus the registered time/audience claims. */
export interface GitHubJobClaims {
  sub: string;
  actor: string;
  actor_id: string;
  base_ref: string;
  head_ref: string;
  ref: string;
  ref_type: string;
  sha: string;
  environment?: string;
  event_name: string;
  job_workflow_ref: string;
  job_workflow_sha: string;
  repository: string;
  repository_id: string;
  repository_owner: string;
  repository_owner_id: string;
  repository_visibility: string;
  run_id: string;
  run_number: string;
  run_attempt: string;
  runner_environment: string;
  workflow: string;
  workflow_ref: string;
  workflow_sha: string;
  check_run_id: string;
}

/** What a test says about the job; everything else is derived or defaulted. */
export type JobClaimsInput = Partial<GitHubJobClaims> & {
  /** The workflow file under .github/workflows/ (default `ci.yml`), used to derive `workflow_ref`. */
  workflow_file?: string;
  /** `repo:OWNER@OWNER_ID/REPO@REPO_ID:...` subjects, as for repositories created after 2026-07-15. */
  immutable_subject?: boolean;
};

export const TOKEN_LIFETIME_SECONDS = 300;
export const NOT_BEFORE_SKEW_SECONDS = 600;

export const DEFAULT_CLAIMS: Readonly<JobClaimsInput> = Object.freeze({
  repository: 'acme/site',
  repository_id: '690133524',
  repository_owner_id: '81904125',
  repository_visibility: 'private',
  ref: 'refs/heads/main',
  sha: 'a3f1c9e0b7d24c6e8f5a1b2c3d4e5f60718293a4',
  event_name: 'push',
  actor: 'octocat',
  actor_id: '583231',
  workflow: 'CI',
  workflow_file: 'ci.yml',
  run_id: '11873205521',
  run_number: '42',
  run_attempt: '1',
  runner_environment: 'github-hosted',
  check_run_id: '33187402211',
});

/** Every claim of the job from the test's input, with GitHub's derivations. Pure; exported for tables. */
export function deriveClaims(input: JobClaimsInput): GitHubJobClaims {
  const c = { ...DEFAULT_CLAIMS, ...dropUndefined(input) };
  const repository = c.repository!;
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository))
    throw new Error(`claims.repository '${repository}' must be OWNER/REPO`);
  const owner = c.repository_owner ?? repository.split('/')[0]!;
  const isPr = c.event_name === 'pull_request' || c.event_name === 'pull_request_target';
  const ref = input.ref ?? (c.event_name === 'pull_request' ? 'refs/pull/1/merge' : c.ref!);
  const sha = c.sha!;
  const workflowRef = c.workflow_ref ?? `${repository}/.github/workflows/${c.workflow_file}@${ref}`;
  const claims: GitHubJobClaims = {
    sub: '',
    actor: c.actor!,
    actor_id: c.actor_id!,
    base_ref: c.base_ref ?? (isPr ? 'main' : ''),
    head_ref: c.head_ref ?? (isPr ? 'feature/change' : ''),
    ref,
    ref_type: c.ref_type ?? (ref.startsWith('refs/tags/') ? 'tag' : 'branch'),
    sha,
    event_name: c.event_name!,
    job_workflow_ref: c.job_workflow_ref ?? workflowRef,
    job_workflow_sha: c.job_workflow_sha ?? c.workflow_sha ?? sha,
    repository,
    repository_id: c.repository_id!,
    repository_owner: owner,
    repository_owner_id: c.repository_owner_id!,
    repository_visibility: c.repository_visibility!,
    run_id: c.run_id!,
    run_number: c.run_number!,
    run_attempt: c.run_attempt!,
    runner_environment: c.runner_environment!,
    workflow: c.workflow!,
    workflow_ref: workflowRef,
    workflow_sha: c.workflow_sha ?? sha,
    check_run_id: c.check_run_id!,
  };
  if (c.environment !== undefined && c.environment !== '') claims.environment = c.environment;
  claims.sub = c.sub ?? subjectFor(claims, c.immutable_subject === true);
  return claims;
}

/** GitHub's default `sub`: environment > pull_request > ref; `:` inside a value is `%3A`. */
export function subjectFor(
  claims: Pick<
    GitHubJobClaims,
    'repository' | 'repository_id' | 'repository_owner_id' | 'event_name' | 'ref' | 'environment'
  >,
  immutable = false,
): string {
  const esc = (v: string): string => v.replaceAll(':', '%3A');
  const [owner, name] = claims.repository.split('/') as [string, string];
  const repo = immutable
    ? `${owner}@${claims.repository_owner_id}/${name}@${claims.repository_id}`
    : claims.repository;
  if (claims.environment) return `repo:${repo}:environment:${esc(claims.environment)}`;
  if (claims.event_name === 'pull_request') return `repo:${repo}:pull_request`;
  return `repo:${repo}:ref:${esc(claims.ref)}`;
}

export interface MintOptions {
  /** Another signing key; `'forged'` = a fresh RSA key presented under the real `kid`. */
  key?: CryptoKey | KeyObject | Uint8Array | 'forged';
  /** Another algorithm (must suit `key`); `'none'` produces an unsigned token. */
  alg?: string;
  /** Another key id, or `null` for a header without one. */
  kid?: string | null;
  /** Lifetime in seconds from the clock's now (default 300); negative gives an expired token. */
  expiresIn?: number;
  /** Audience (default `https://github.com/<owner>`); `extra.aud` also works. */
  audience?: string | string[];
}

export interface OidcIssuer {
  issuer: string;
  jwksUri: string;
  requestUrl: string;
  requestToken: string;
  forJob: { url: string; token: string };
  /** The current public JWKS, as served. */
  jwks(): { keys: JWK[] };
  claims(): GitHubJobClaims;
  setClaims(partial: JobClaimsInput): void;
  /** Back to the claims given at start, undoing every setClaims. */
  resetClaims(): void;
  mint(extraClaims?: Record<string, unknown>, options?: MintOptions): Promise<string>;
  /** Signs with a new key from now on; the old one stays in the JWKS unless `keepOld` is false. */
  rotateKey(options?: { keepOld?: boolean }): Promise<void>;
  issued: string[];
  requests: LoggedRequest[];
  faults: Faults;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  // GitHub's kids are opaque thumbprint-like strings; uniqueness is what matters to clients.
  const kid = randomBytes(20).toString('hex').toUpperCase();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, jwk };
}

export async function startOidcIssuer(options: {
  clock: Clock;
  claims?: JobClaimsInput;
  tls?: { key: string | Buffer; cert: string | Buffer };
}): Promise<OidcIssuer> {
  const { clock } = options;
  let input: JobClaimsInput = { ...(options.claims ?? {}) };
  deriveClaims(input); // refuse bad claims at start, not at the first token request
  let keys: SigningKey[] = [await newSigningKey()];
  const issued: string[] = [];
  const requestToken = randomBytes(32).toString('base64url');
  // The runner's real endpoint lives under a plan/job path of the pipelines service.
  const tokenPath = `/${randomUUID()}/00000000-0000-0000-0000-000000000000/_apis/distributedtask/hubs/Actions/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`;
  let issuer = '';

  const signingKey = (): SigningKey => keys[keys.length - 1]!;

  const mint = async (
    extra: Record<string, unknown> = {},
    opts: MintOptions = {},
  ): Promise<string> => {
    const claims = deriveClaims(input);
    const iat = clock.nowSeconds();
    const payload: Record<string, unknown> = {
      jti: randomUUID(),
      ...claims,
      aud: opts.audience ?? `https://github.com/${claims.repository_owner}`,
      iss: issuer,
      nbf: iat - NOT_BEFORE_SKEW_SECONDS,
      exp: iat + (opts.expiresIn ?? TOKEN_LIFETIME_SECONDS),
      iat,
    };
    for (const [k, v] of Object.entries(extra)) {
      if (v === undefined) delete payload[k];
      else payload[k] = v;
    }
    const alg = opts.alg ?? 'RS256';
    const kid = opts.kid === undefined ? signingKey().kid : opts.kid;
    const header = { alg, typ: 'JWT', ...(kid === null ? {} : { kid }) };
    let token: string;
    if (alg === 'none') {
      const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
      token = `${b64(header)}.${b64(payload)}.`;
    } else {
      const key =
        opts.key === 'forged'
          ? (await newSigningKey()).privateKey
          : (opts.key ?? signingKey().privateKey);
      // SignJWT would refuse claims it does not know how to type; the payload is already complete.
      token = await new SignJWT(payload).setProtectedHeader(header).sign(key);
    }
    issued.push(token);
    return token;
  };

  const server: TestServer = await startServer(
    async (req): Promise<Reply | undefined> => {
      if (req.method === 'GET' && req.path === '/.well-known/openid-configuration') {
        return { body: discoveryDocument(issuer) };
      }
      if (req.method === 'GET' && req.path === '/.well-known/jwks') {
        return { body: { keys: keys.map((k) => k.jwk) } };
      }
      if (req.path === tokenPath) {
        if (req.method !== 'GET')
          return {
            status: 405,
            body: {
              message: `${req.method} is not allowed; the runner's token endpoint takes GET`,
            },
          };
        const auth = String(req.headers.authorization ?? '');
        if (auth !== `Bearer ${requestToken}`) {
          return {
            status: 401,
            body: {
              message: auth
                ? 'The bearer token is not valid for this job.'
                : 'Authorization required: send Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
            },
          };
        }
        if (req.query.get('api-version') === null)
          return { status: 400, body: { message: 'api-version is required' } };
        const audience = req.query.get('audience');
        return { body: { value: await mint({}, audience ? { audience } : {}) } };
      }
      return undefined;
    },
    { clock, tls: options.tls },
  );
  issuer = server.url;
  const requestUrl = `${issuer}${tokenPath}?api-version=2.0`;

  return {
    issuer,
    jwksUri: `${issuer}/.well-known/jwks`,
    requestUrl,
    requestToken,
    forJob: { url: requestUrl, token: requestToken },
    jwks: () => ({ keys: keys.map((k) => k.jwk) }),
    claims: () => deriveClaims(input),
    setClaims: (partial) => {
      const next = { ...input, ...partial };
      deriveClaims(next);
      input = next;
    },
    resetClaims: () => {
      input = { ...(options.claims ?? {}) };
    },
    mint,
    rotateKey: async ({ keepOld = true } = {}) => {
      const k = await newSigningKey();
      keys = keepOld ? [...keys, k] : [k];
    },
    issued,
    requests: server.requests,
    faults: server.faults,
    close: () => server.close(),
  };
}

function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks`,
    subject_types_supported: ['public', 'pairwise'],
    response_types_supported: ['id_token'],
    claims_supported: [
      'sub',
      'aud',
      'exp',
      'iat',
      'iss',
      'jti',
      'nbf',
      'ref',
      'sha',
      'repository',
      'repository_id',
      'repository_owner',
      'repository_owner_id',
      'run_id',
      'run_number',
      'run_attempt',
      'actor',
      'actor_id',
      'workflow',
      'workflow_ref',
      'workflow_sha',
      'head_ref',
      'base_ref',
      'event_name',
      'ref_type',
      'environment',
      'job_workflow_ref',
      'job_workflow_sha',
      'repository_visibility',
      'runner_environment',
      'check_run_id',
    ],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: [
      'openid',
      'repo',
      'repository',
      'repository_owner',
      'repository_owner_id',
      'environment',
      'ref',
      'ref_type',
      'event_name',
      'job_workflow_ref',
      'workflow',
      'workflow_ref',
      'context',
      'actor',
      'actor_id',
      'repository_id',
      'repository_visibility',
      'runner_environment',
    ],
  };
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

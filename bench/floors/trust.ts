/**
 * What DESIGN.md's trust model asks of a step before any cloud call, and nothing else: the job's
 * GitHub OIDC token; the issuer's keys; the default branch's policy (the
 * repository, its default branch's head, the file at that head, in one GraphQL query); all asked
 * at once over node:http,
 * as our step asks them; then the token's signature and claims checked with jose, as our step
 * checks them. No settings, decision, ledger, summary or file commands: those are our own code.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { send, type Answer } from './send.ts';

function json(answer: Answer, what: string, ok = [200]): Record<string, unknown> {
  if (!ok.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

interface Ref {
  name?: string;
  target?: { oid?: string; file?: unknown };
}

/** The job's token, verified, once everything the decision needs has been read. */
export async function trustedToken(audience: string): Promise<string> {
  const env = process.env;
  const issuer = env['BENCH_ISSUER']!;
  const [owner, name] = env['BENCH_REPO']!.split('/');
  const query = JSON.stringify({
    query: `query($owner: String!, $name: String!, $path: String!) { repository(owner: $owner, name: $name) {
      databaseId defaultBranchRef { name target { oid ... on Commit { file(path: $path) { mode object { ... on Blob { oid byteSize isTruncated text } } } } } } } }`,
    variables: { owner, name, path: '.github/jit-policy.yml' },
  });
  const github = {
    'content-type': 'application/json',
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${env['BENCH_GITHUB_TOKEN']}`,
    'user-agent': 'floor',
    'x-github-api-version': '2022-11-28',
  };
  const tokenUrl = `${env['BENCH_ID_TOKEN_URL']}&audience=${encodeURIComponent(audience)}`;
  const [token, keys, policy] = await Promise.all([
    send('GET', tokenUrl, { authorization: `Bearer ${env['BENCH_ID_TOKEN_REQUEST_TOKEN']}` }),
    // At the usual address, as our step reads them when they verify the token.
    send('GET', `${issuer}/.well-known/jwks`, {}),
    send('POST', `${env['BENCH_API']}/graphql`, github, query),
  ]);
  const ref = (json(policy, 'policy')['data'] as { repository?: { defaultBranchRef?: Ref } })
    ?.repository?.defaultBranchRef;
  if (ref?.name !== env['BENCH_BRANCH']) throw new Error('another default branch');
  if (ref?.target?.oid !== env['BENCH_SHA']) throw new Error('another head');
  // The bench's repositories hold no policy: the step reads none, as ours finds none.
  if (ref?.target?.file !== null) throw new Error('a policy file');
  const jwt = String(json(token, 'token')['value']);
  const jwks = json(keys, 'keys') as unknown as JSONWebKeySet;
  await jwtVerify(jwt, createLocalJWKSet(jwks), {
    issuer,
    audience,
    algorithms: ['RS256'],
    requiredClaims: ['exp', 'iat', 'sub'],
  });
  return jwt;
}

/**
 * What DESIGN.md's trust model asks of a step before any cloud call, and nothing else: the job's
 * GitHub OIDC token; the issuer's discovery document and keys; the default branch's policy (the
 * repository, its default branch's head, the file at that head); all asked at once over node:http,
 * as our step asks them; then the token's signature and claims checked with jose, as our step
 * checks them. No settings, decision, ledger, summary or file commands: those are our own code.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { send, type Answer } from './send.ts';

function json(answer: Answer, what: string, ok = [200]): Record<string, unknown> {
  if (!ok.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

/** The job's token, verified, once everything the decision needs has been read. */
export async function trustedToken(audience: string): Promise<string> {
  const env = process.env;
  const issuer = env['BENCH_ISSUER']!;
  const api = `${env['BENCH_API']}/repos/${env['BENCH_REPO']}`;
  const github = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${env['BENCH_GITHUB_TOKEN']}`,
    'user-agent': 'floor',
    'x-github-api-version': '2022-11-28',
  };
  const tokenUrl = `${env['BENCH_ID_TOKEN_URL']}&audience=${encodeURIComponent(audience)}`;
  const [token, discovery, keys, repo, head, file] = await Promise.all([
    send('GET', tokenUrl, { authorization: `Bearer ${env['BENCH_ID_TOKEN_REQUEST_TOKEN']}` }),
    send('GET', `${issuer}/.well-known/openid-configuration`, {}),
    send('GET', `${issuer}/.well-known/jwks`, {}),
    send('GET', api, github),
    send('GET', `${api}/git/ref/heads/${env['BENCH_BRANCH']}`, github),
    send('GET', `${api}/contents/.github/jit-policy.yml?ref=${env['BENCH_SHA']}`, github),
  ]);
  if (json(discovery, 'discovery')['issuer'] !== issuer) throw new Error('another issuer');
  if (json(repo, 'repository')['default_branch'] !== env['BENCH_BRANCH'])
    throw new Error('another default branch');
  const object = json(head, 'branch head')['object'] as { sha?: string } | undefined;
  if (object?.sha !== env['BENCH_SHA']) throw new Error('another head');
  // The bench's repositories hold no policy: the step reads none, as ours finds none.
  json(file, 'policy', [200, 404]);
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

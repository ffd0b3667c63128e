/**
 * Cost of the policy gate per grant, once the issuer's JWKS is cached for the job:
 * decide() alone, verify + decide with the in-process key set, verify + decide reading the
 * job's cache file (what a later step, a new process, pays), and load + verify + decide.
 * Medians of many runs. `node bench/policy.ts` prints the rows; bench/run.ts may import
 * benchPolicy().
 */
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// src/ is written for the bundler (`.js` specifiers, parameter properties): map and transform it
// here so the benchmark measures the sources without a build.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (err) {
      if (
        specifier.startsWith('.') &&
        specifier.endsWith('.js') &&
        context.parentURL?.includes('/src/')
      ) {
        return next(specifier.slice(0, -3) + '.ts', context);
      }
      throw err;
    }
  },
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.ts') && url.includes('/src/')) {
      const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'), {
        mode: 'transform',
      });
      return { format: 'module', source, shortCircuit: true };
    }
    return next(url, context);
  },
});

const RUNS = 2000;
const POLICY = `version: 1
rules:
${Array.from(
  { length: 20 },
  (_, i) => `  - name: rule-${i}
    when:
      repository: acme/repo-${i}
      ref: [refs/heads/main, "refs/tags/v*"]
      event_name: [push, workflow_dispatch]
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/r${i}, max-duration: 15m, delivery: run }`,
).join('\n')}
  - name: deploy-prod
    when:
      repository: acme/site
      ref: refs/heads/main
      environment: production
      event_name: [push, workflow_dispatch]
      job_workflow_ref: "acme/workflows/.github/workflows/*.yml@refs/heads/main"
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m, delivery: run }
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 50; i++) await fn(); // warm-up: JIT, caches
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return { median: median(xs), p95: xs[Math.floor(xs.length * 0.95)]! };
}

export async function benchPolicy(): Promise<string> {
  const root = new URL('../', import.meta.url);
  const policy = await import(new URL('src/policy/index.ts', root).href);
  const verify = await import(new URL('src/policy/verify.ts', root).href);
  const { Clock } = await import(new URL('test/emulators/clock.ts', root).href);
  const { startOidcIssuer } = await import(new URL('test/emulators/oidc.ts', root).href);

  const clock = new Clock();
  const oidc = await startOidcIssuer({
    clock,
    claims: {
      repository: 'acme/site',
      environment: 'production',
      ref: 'refs/heads/main',
      event_name: 'push',
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'jit-bench-policy-'));
  const file = join(dir, 'jit-policy.yml');
  writeFileSync(file, POLICY);
  const cacheDir = join(dir, 'cache');
  const aud = 'sts.amazonaws.com';
  const request = {
    provider: 'aws',
    principal: 'arn:aws:iam::123456789012:role/deploy',
    duration: 900,
    delivery: 'run',
  };
  try {
    const token: string = await oidc.mint(
      { job_workflow_ref: 'acme/workflows/.github/workflows/deploy.yml@refs/heads/main' },
      { audience: aud },
    );
    const opts = { issuer: oidc.issuer, audience: aud, now: clock.now(), cacheDir };
    const loaded = await policy.loadPolicy(file, { explicit: true });
    const claims = await policy.verifyGitHubToken(token, opts); // fills the job's cache file
    const check = policy.decide(loaded, claims, request);
    if (!check.allowed)
      throw new Error(`benchmark policy should allow: ${check.reasons.join('; ')}`);
    const jwksFetches = () =>
      oidc.requests.filter((r: { path: string }) => r.path === '/.well-known/jwks').length;
    const fetchesBefore = jwksFetches();

    const decideOnly = await time(RUNS * 5, () => policy.decide(loaded, claims, request));
    const warm = await time(RUNS, async () =>
      policy.decide(loaded, await policy.verifyGitHubToken(token, opts), request),
    );
    const fromFile = await time(RUNS, async () => {
      verify.clearKeyCache(); // a later step: new process, only the cache file is left
      return policy.decide(loaded, await policy.verifyGitHubToken(token, opts), request);
    });
    const whole = await time(RUNS, async () => {
      verify.clearKeyCache();
      const p = await policy.loadPolicy(file, { explicit: true });
      return policy.decide(p, await policy.verifyGitHubToken(token, opts), request);
    });
    const fetched = jwksFetches() - fetchesBefore;
    const ms = (x: number) => (x < 0.1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(3)} ms`);
    const row = (what: string, r: { median: number; p95: number }, runs: number) =>
      `| policy: ${what} | ${ms(r.median)} | ${ms(r.p95)} | ${runs} |`;
    return [
      `| measure (21-rule policy, decision by the last rule) | median | p95 | runs |`,
      `|---|---|---|---|`,
      row('decide() alone', decideOnly, RUNS * 5),
      row('verify (RS256, key set in memory) + decide', warm, RUNS),
      row("verify (keys read from the job's cache file) + decide", fromFile, RUNS),
      row('load YAML + verify (cache file) + decide', whole, RUNS),
      `| JWKS fetches during the ${RUNS * 3} timed verifications | ${fetched} | | |`,
      '',
    ].join('\n');
  } finally {
    await oidc.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(await benchPolicy());
}

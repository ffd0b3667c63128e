/**
 * What the first step of a job loads, through dist/ as the runner runs it: the speed work of
 * bench/FIRST-STEP.md held in place. Node's builtin modules a step loads are read from
 * `process.moduleLoadList` at exit (a preload writes them out); no time is measured.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa } from '../emulators/entra/ca.ts';
import type { Job, StepResult } from '../harness/job.ts';
import { awsInputs, awsJob, ROLE, startAwsWorld, type AwsWorld } from './aws-setup.ts';
import { azureInputs, azureJob, startAzureWorld } from './azure-setup.ts';
import { gcpInputs, gcpJob, startGcpWorld, type GcpWorld } from './gcp-setup.ts';

let world: AwsWorld;
let dir: string;
let preload: string;
beforeAll(async () => {
  world = await startAwsWorld();
  dir = mkdtempSync(path.join(tmpdir(), 'jit-first-step-'));
  preload = path.join(dir, 'modules.cjs');
  writeFileSync(
    preload,
    `const streams = [];
for (const name of ['stdout', 'stderr']) {
  const d = Object.getOwnPropertyDescriptor(process, name);
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: d.enumerable,
    get() {
      if (!streams.includes(name)) streams.push(name);
      return d.get.call(this);
    },
  });
}
process.on('exit', () => {
  const { writeFileSync } = require('node:fs');
  writeFileSync(process.env.MODULES_OUT, process.moduleLoadList.join('\\n'));
  writeFileSync(process.env.MODULES_OUT + '.files', Object.keys(require.cache).join('\\n'));
  writeFileSync(process.env.MODULES_OUT + '.streams', streams.join('\\n'));
});\n`,
  );
});
afterAll(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

const traced = (name: string) => ({
  NODE_OPTIONS: `--require=${preload}`,
  MODULES_OUT: path.join(dir, name),
});
/** This action's main step in `job`, traced as `name` (with `env` beside), expected to pass. */
async function tracedMain(
  job: Job,
  inputs: Record<string, string>,
  name: string,
  env: Record<string, string> = {},
): Promise<StepResult> {
  const main = await job.runStep({
    action: 'action.yml',
    id: 'deploy',
    inputs,
    env: { ...traced(name), ...env },
  });
  expect(main.exitCode, main.stderr + main.stdout).toBe(0);
  return main;
}
const modules = (name: string) => readFileSync(path.join(dir, name), 'utf8').split('\n');
/** Which of process.stdout and process.stderr the step asked for (each is made when first asked). */
const streams = (name: string) =>
  readFileSync(path.join(dir, `${name}.streams`), 'utf8')
    .split('\n')
    .filter(Boolean);
/** The files of dist/ a step loaded, chunks named without their hash, in the order loaded. */
const chunks = (name: string) =>
  readFileSync(path.join(dir, `${name}.files`), 'utf8')
    .split('\n')
    .filter((f) => f.includes(`${path.sep}dist${path.sep}`))
    .map((f) => path.basename(f).replace(/-[\w-]{8}\.cjs$/, ''));
/**
 * The chunks of dist/ each step of a cloud loads (scripts/bundle.ts, stepChunks): a few, one per
 * part of the work; a post step loads nothing of the grant's (its verification, the policy gate)
 * nor GitHub's HTTP client, nor its cloud's provider: the closers come with the shared chunk.
 */
const layout = (provider: string, exchange: string) => ({
  main: [
    provider,
    exchange,
    'github',
    'grant',
    'index.cjs',
    'main.js',
    'rolldown-runtime',
    'shared',
  ].sort(),
  post: ['close', 'index.cjs', 'post.js', 'rolldown-runtime', 'shared'].sort(),
});

describe('the first step of a job loads only what it uses', () => {
  it('dist/ holds none of the client code that only paths the action never takes would run', () => {
    const dist = path.join(import.meta.dirname, '../../dist');
    const bundle = readdirSync(dist)
      .filter((f) => f.endsWith('.cjs'))
      .map((f) => readFileSync(path.join(dist, f), 'utf8'))
      .join('\n');
    // scripts/bundle.ts, STAND_INS: a string of each module left out, and of a stand-in.
    const gone = {
      '@smithy/node-http-handler': 'socketAcquisitionWarningTimeout',
      '@aws-sdk/credential-provider-node': 'Could not load credentials from any providers',
      'google-logging-utils': 'GOOGLE_SDK_NODE_LOGGING',
      "google-auth-library's browser crypto": 'class BrowserCrypto',
      jsonwebtoken: 'JsonWebTokenError',
    };
    for (const [module, text] of Object.entries(gone)) {
      expect(bundle.includes(text), `${module} is in dist/`).toBe(false);
    }
    const standIn = 'jit-credentials gives every AWS client its own request handler';
    expect(bundle.includes(standIn), 'the handler stand-in is in dist/').toBe(true);
  });

  it("AWS main never loads undici (fetch's classes) nor fs/promises (the SDK's config-file reader), and its post no TLS at all", async () => {
    const job = await awsJob(world);
    const main = await tracedMain(job, awsInputs({ export: 'env' }), 'main');
    const post = await job.runPost(main, { env: traced('post') });
    expect(post.exitCode, post.stderr + post.stdout).toBe(0);
    await job.cleanup();

    const m = modules('main');
    // The trace is real: the step's own requests went over node:http.
    expect(m).toContain('NativeModule _http_client');
    expect(m.filter((x) => x.includes('undici'))).toEqual([]);
    expect(m).not.toContain('NativeModule fs/promises');
    const p = modules('post');
    expect(p.filter((x) => x.includes('undici') || /\b(tls|https)\b/.test(x))).toEqual([]);
    expect(chunks('main').sort()).toEqual(layout('aws', 'aws-sts').main);
    expect(chunks('post').sort()).toEqual(layout('aws', 'aws-sts').post);
  });

  it("Google Cloud main never loads undici nor node:util's lazy properties, and its post, which makes no request, no networking at all", async () => {
    const world = await startGcpWorld();
    try {
      const job = await gcpJob(world);
      const main = await tracedMain(job, gcpInputs(world), 'gcp-main');
      const m = modules('gcp-main');
      // gaxios merges headers with the bundle's Headers class, not the global that loads undici.
      expect(m).toContain('NativeModule _http_client');
      expect(m.filter((x) => x.includes('undici'))).toEqual([]);
      // Nor node:fs/promises (and the readline it brings): the step's few files are read whole.
      expect(m).not.toContain('NativeModule fs/promises');
      // Nor what node:util's and node:process's lazy properties hold: google-logging-utils'
      // compiled `import * as util` asks for the descriptor of each.
      expect(m).not.toContain('NativeModule internal/util/parse_args/parse_args');
      expect(m).not.toContain('NativeModule worker_threads');
      // Nor web streams and File, which gaxios asks of each request body.
      expect(m).not.toContain('NativeModule internal/webstreams/readablestream');
      expect(m).not.toContain('NativeModule internal/file');
      // Nor node:https and tls (Node's root certificates with them) when no endpoint is https:
      // gaxios imports https's Agent at load for mutual TLS (scripts/bundle.ts, lazyHttps).
      expect(m.filter((x) => /^NativeModule (https|tls)$/.test(x))).toEqual([]);
      // Nor process.stderr, a stream that google-auth-library's debug log made at load for its
      // colours (scripts/bundle.ts, STAND_INS): the step writes nothing there.
      expect(streams('gcp-main')).not.toContain('stderr');
      const post = await job.runPost(main, { env: traced('gcp-post') });
      expect(post.exitCode, post.stderr + post.stdout).toBe(0);
      // It did close the grant and say so: the log lines reached the runner through fd 1.
      expect(post.stdout).toMatch(/Closed grant gcp-[0-9a-f]+ \(gcp\): expires\./);
      await job.cleanup();
      const p = modules('gcp-post');
      expect(p).toContain('NativeModule fs');
      // process.stdout on the runner's pipe would be a net.Socket over a pipe or socket handle.
      const networking =
        /^NativeModule (net|tls|https?|_http_\w+|crypto)$|^Internal Binding (stream|pipe|tcp)_wrap$/;
      expect(p.filter((x) => networking.test(x))).toEqual([]);
      expect(chunks('gcp-main').sort()).toEqual(layout('gcp', 'gcp-exchange').main);
      expect(chunks('gcp-post').sort()).toEqual(layout('gcp', 'gcp-exchange').post);
    } finally {
      await world.close();
    }
  });

  it('Google Cloud main over HTTPS, as on a runner: every request through TLS, the job’s extra CA trusted', async () => {
    // Every emulator serves HTTPS (test/emulators/http.ts, EMULATOR_TLS_DIR) with a certificate
    // of a throw-away CA that the step trusts through NODE_EXTRA_CA_CERTS and this process
    // through its default CAs (the Google emulator reads the issuer's keys itself).
    const ca = createTestCa('jit-credentials first-step CA', 'ec');
    const roots = getCACertificates('default');
    setDefaultCACertificates([...roots, ca.caPem]);
    process.env['EMULATOR_TLS_DIR'] = ca.dir;
    let world: GcpWorld | undefined;
    try {
      world = await startGcpWorld();
      delete process.env['EMULATOR_TLS_DIR'];
      const { oidc, google } = world;
      expect([oidc.issuer, google.stsUrl]).toEqual([
        expect.stringMatching(/^https:/),
        expect.stringMatching(/^https:/),
      ]);
      const job = await gcpJob(world, { NODE_EXTRA_CA_CERTS: ca.caPath });
      const main = await tracedMain(job, gcpInputs(world), 'gcp-tls-main');
      expect(modules('gcp-tls-main')).toContain('NativeModule tls');
      // Both of Google's calls were answered, over TLS (the emulator serves nothing else).
      expect(google.requests.map((r) => r.path)).toEqual([
        '/v1/token',
        expect.stringMatching(/:generateAccessToken$/),
      ]);
      // The token the emulator issued is the one delivered, and post empties it.
      expect(main.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toMatch(/^ya29\./);
      const post = await job.runPost(main, {});
      expect(post.exitCode, post.stderr + post.stdout).toBe(0);
      expect(post.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe('');
      await job.cleanup();
    } finally {
      delete process.env['EMULATOR_TLS_DIR'];
      setDefaultCACertificates(roots);
      await world?.close();
      rmSync(ca.dir, { recursive: true, force: true });
    }
  });

  it('Azure main loads neither undici, zlib, child_process nor what copying node:util’s properties loads, and runs no jsonwebtoken', async () => {
    const azure = await startAzureWorld();
    try {
      const job = await azureJob(azure);
      // semver logs each version it parses when NODE_DEBUG names it; jsonwebtoken parses Node's at load.
      const main = await tracedMain(job, azureInputs(azure, { export: 'outputs' }), 'azure-main', {
        NODE_DEBUG: 'semver',
      });
      const post = await job.runPost(main, { env: traced('azure-post') });
      expect(post.exitCode, post.stderr + post.stdout).toBe(0);
      await job.cleanup();
      expect(chunks('azure-main').sort()).toEqual(layout('azure', 'azure-entra').main);
      // A post step that revokes nothing makes no request: GitHub's client stays unloaded.
      expect(chunks('azure-post').sort()).toEqual(layout('azure', 'azure-entra').post);
      expect(modules('azure-post')).not.toContain('NativeModule _http_client');
    } finally {
      await azure.close();
    }
  });

  it("a policy loads its reader (yaml), and RE2 only when a policy has a ^...$ pattern: the default branch's, or the checkout's copy that warms the reader", async () => {
    const FILE = '.github/jit-policy.yml';
    const policy = (ref: string) => `version: 1
rules:
  - name: deploy
    when: { repository: acme/site, ref: '${ref}' }
    allow: { provider: aws, role: ${ROLE}, max-duration: 1h }
`;
    const grant = async (name: string, ref: string, checkout?: string) => {
      const sha = world.github.commit('acme/site', { [FILE]: policy(ref) });
      let workspace: string | undefined;
      if (checkout !== undefined) {
        workspace = mkdtempSync(path.join(dir, 'checkout-'));
        mkdirSync(path.join(workspace, '.github'));
        writeFileSync(path.join(workspace, FILE), policy(checkout));
      }
      const job = await awsJob(world, { context: { sha }, ...(workspace ? { workspace } : {}) });
      const main = await tracedMain(job, awsInputs({ export: 'outputs' }), name);
      await job.cleanup();
      expect(main.summary).toContain('**Policy: allowed** by rule <code>deploy</code>');
      return chunks(name).sort();
    };
    try {
      const reader = ['dist', 'load'];
      const plain = [...layout('aws', 'aws-sts').main, ...reader].sort();
      expect(await grant('policy-glob', 'refs/heads/*')).toEqual(plain);
      // re2js, bundled from its build/ directory.
      expect(await grant('policy-pattern', '^refs/heads/(main|release)$')).toEqual(
        [...plain, 'build'].sort(),
      );
      // Parsed while the token was on its way, to compile the reader; the glob still decides.
      expect(await grant('policy-checkout', 'refs/heads/*', '^refs/heads/main$')).toEqual(
        [...plain, 'build'].sort(),
      );
    } finally {
      world.github.commit('acme/site', { [FILE]: null });
    }
  });

  it("a grant's entry loads node:https before the bundle when GitHub's token is https or the grant is Azure's, and only then", () => {
    // Stops the step where the stub hands over to the bundle, telling whether https is loaded.
    const probe = path.join(dir, 'head-start.cjs');
    writeFileSync(
      probe,
      `const M = require('node:module'); const req = M.prototype.require;
M.prototype.require = function (id) {
  if (id === './index.cjs') {
    process.stdout.write(String(process.moduleLoadList.includes('NativeModule https')));
    process.exit(0);
  }
  return req.apply(this, arguments);
};\n`,
    );
    const httpsBeforeBundle = (entry: string, tokenUrl: string, provider = '') =>
      execFileSync(process.execPath, [`--require=${probe}`, path.join('dist', entry)], {
        env: {
          PATH: process.env['PATH'],
          ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl,
          INPUT_PROVIDER: provider,
        },
        encoding: 'utf8',
      });
    const https = 'https://pipelines.actions.githubusercontent.com/x/idtoken?api-version=2.0';
    const http = 'http://127.0.0.1:1/token';
    for (const entry of ['main.js', 'aws.js', 'azure.js', 'gcp.js'])
      expect(httpsBeforeBundle(entry, https), entry).toBe('true');
    for (const entry of ['main.js', 'aws.js', 'gcp.js'])
      expect(httpsBeforeBundle(entry, http), entry).toBe('false');
    expect(httpsBeforeBundle('main.js', http, 'gcp')).toBe('false');
    // Entra ID is https only: an Azure grant needs TLS whatever GitHub's address is.
    expect(httpsBeforeBundle('azure.js', http)).toBe('true');
    expect(httpsBeforeBundle('main.js', http, 'azure')).toBe('true');
    // Post and revoke usually make no request at all.
    expect(httpsBeforeBundle('post.js', https)).toBe('false');
    expect(httpsBeforeBundle('revoke.js', https)).toBe('false');
  });
});

describe("Node's compile cache: left to a job's second grant (scripts/build.mjs)", () => {
  const debug = { NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
  /** What Node's compile cache did in a step, as it reports it (one line a module). */
  const cacheLog = (step: { stderr: string }) =>
    step.stderr.split('\n').filter((l) => l.startsWith('[compile cache]'));
  const did = (step: { stderr: string }, what: RegExp, chunk: string) =>
    cacheLog(step).some((l) => what.test(l) && new RegExp(`dist/${chunk}-[\\w-]{8}\\.cjs`).test(l));
  const WROTE = /writing cache for CommonJS .*success$/;
  const READ = /V8 code cache for CommonJS .* was accepted/;

  it('a job that grants once writes none: neither its grant nor its post', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: awsInputs({ export: 'env' }),
      env: debug,
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const post = await job.runPost(main, { env: debug });
    expect(post.exitCode, post.stderr + post.stdout).toBe(0);
    expect(cacheLog(main)).toEqual([]);
    expect(cacheLog(post)).toEqual([]);
    expect(existsSync(path.join(job.runnerTemp, 'jit-credentials', 'compile-cache'))).toBe(false);
    await job.cleanup();
  });

  it('the second grant writes it, and every step after it starts from it', async () => {
    const job = await awsJob(world);
    const grant = async (id: string) => {
      const step = await job.runStep({
        action: 'action.yml',
        id,
        inputs: awsInputs({ export: 'outputs' }),
        env: debug,
      });
      expect(step.exitCode, step.stderr + step.stdout).toBe(0);
      return step;
    };
    const first = await grant('first');
    const second = await grant('second');
    const third = await grant('third');
    const post = await job.runPost(third, { env: debug });
    expect(post.exitCode, post.stderr + post.stdout).toBe(0);
    expect(cacheLog(first)).toEqual([]);
    for (const chunk of ['aws-sts', 'grant', 'shared']) {
      expect(did(second, WROTE, chunk), `second grant writes ${chunk}`).toBe(true);
      expect(did(third, READ, chunk), `third grant reads ${chunk}`).toBe(true);
      expect(did(third, WROTE, chunk), `third grant rewrites ${chunk}`).toBe(false);
    }
    expect(did(post, READ, 'shared'), 'post reads shared').toBe(true);
    expect(did(post, WROTE, 'close'), 'post adds close').toBe(true);
    await job.cleanup();
  });
});

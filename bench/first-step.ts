/**
 * The first step of a job, against the peers. Most jobs use the action once, so what users feel
 * is a main step whose RUNNER_TEMP is new (no compile cache yet) and the post step after it.
 * Each round runs, in an order that rotates: `node -e ''`; our main (cold), post, a second main
 * (which writes the compile cache: the first grant of a job leaves it, scripts/build.mjs) and a
 * third (warm: it starts from that cache), with their posts, in a new job; the peer's released
 * bundle the same way, through its own action.yml; and two floors, the cloud's SDK alone making
 * the one call (bundled like dist/) and the same HTTP calls over node:http with no SDK. All run
 * as whole processes against the same emulators. Wall time is spawn to exit; CPU time and peak
 * RSS come from the process itself at exit. Then cold main and post again, ours and the peer
 * alternating: with every answer held as a network round trip would, and over TLS, as on a runner.
 * Run alone: `node bench/first-step.ts` (after a build).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../scripts/bundle.ts';
import { awsInputs, awsJob, ROLE, startAwsWorld } from '../test/e2e/aws-setup.ts';
import { azureInputs, azureJob, CLIENT, startAzureWorld, TENANT } from '../test/e2e/azure-setup.ts';
import { Clock } from '../test/emulators/clock.ts';
import { createTestCa } from '../test/emulators/entra/ca.ts';
import { startGitHubApi } from '../test/emulators/github/index.ts';
import { startGoogleEmulator } from '../test/emulators/google/index.ts';
import { startOidcIssuer } from '../test/emulators/oidc.ts';
import { createJob, type Job, type StepResult } from '../test/harness/job.ts';
import { nodeBinary, REPO_ROOT } from '../test/harness/node.ts';
import { median, rssProbe, runs, sharedDir, type Usage } from './measure.ts';

const RUNS = runs(Number(process.env['BENCH_FIRST_RUNS'] ?? 11));
const SA = 'deploy@acme-site.iam.gserviceaccount.com';
type Probe = ReturnType<typeof rssProbe>;

/** The peers' released bundles: BENCH_PEERS, or `../shared/peers` beside the repository. */
export function peersDir(): string {
  return (
    process.env['BENCH_PEERS'] ??
    sharedDir('peers') ??
    path.join(REPO_ROOT, '..', 'shared', 'peers')
  );
}

/** A peer's action.yml in the peers' folder, or undefined (said in `notes`) when it is missing. */
function peerAction(dir: string, notes: string[]): string | undefined {
  const action = path.join(peersDir(), dir, 'action.yml');
  if (existsSync(action)) return action;
  notes.push(
    `Peer ${dir} not found at ${action} (set BENCH_PEERS): skipped, its columns are empty.`,
  );
  process.stderr.write(`bench: ${notes.at(-1)!}\n`);
  return undefined;
}

interface Peer {
  name: string;
  action: string;
  inputs: Record<string, string>;
  /** Targets for ours ÷ peer, cold main and post. */
  target: { main: number; post: number };
}

/** One cloud's emulated world, as each contender needs it. */
export interface Cloud {
  name: string;
  job(): Promise<Job>;
  inputs: Record<string, string>;
  peer?: Peer;
  /** BENCH_* variables for the floor scripts, with a freshly minted GitHub token. */
  floorEnv(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * BENCH_* variables for bench/floors/trust.ts: where the job's token, the issuer's keys and the
 * repository's policy are read, as a job's step finds them.
 */
function trustEnv(
  oidc: Awaited<ReturnType<typeof startOidcIssuer>>,
  github: Awaited<ReturnType<typeof startGitHubApi>>,
  audience: string,
): Record<string, string> {
  const repository = oidc.claims().repository;
  return {
    BENCH_ISSUER: oidc.issuer,
    BENCH_ID_TOKEN_URL: oidc.forJob.url,
    BENCH_ID_TOKEN_REQUEST_TOKEN: oidc.forJob.token,
    BENCH_TOKEN_AUDIENCE: audience,
    BENCH_API: github.env.GITHUB_API_URL,
    BENCH_GITHUB_TOKEN: github.env.GITHUB_TOKEN,
    BENCH_REPO: repository,
    BENCH_BRANCH: 'main',
    BENCH_SHA: github.head(repository),
  };
}

/**
 * A policy on the default branch as most repositories would write one: a rule naming the
 * repository and the branch, allowing one principal.
 */
const POLICY_FILE = '.github/jit-policy.yml';
const policyFor = (allow: string) => `version: 1
rules:
  - name: deploy
    when:
      repository: acme/site
      ref: refs/heads/main
    allow:
      ${allow}
      max-duration: 1h
`;

/**
 * With `policy`, the repository's default branch holds a policy that allows the step, and the
 * job's checkout holds the same file, as after actions/checkout.
 */
interface WorldOptions {
  readonly policy?: boolean;
}

/** A checkout holding `text` as the policy file, to copy into each job's workspace. */
function checkoutWith(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-checkout-'));
  mkdirSync(path.join(dir, path.dirname(POLICY_FILE)));
  writeFileSync(path.join(dir, POLICY_FILE), text);
  return dir;
}

export async function awsCloud(notes: string[], options: WorldOptions = {}): Promise<Cloud> {
  const world = await startAwsWorld();
  const policy = policyFor(`provider: aws\n      role: ${ROLE}`);
  if (options.policy) world.github.commit('acme/site', { [POLICY_FILE]: policy });
  const checkout = options.policy ? checkoutWith(policy) : undefined;
  const action = peerAction('configure-aws-credentials-v6.2.3', notes);
  return {
    name: 'AWS',
    // A push to the default branch, the usual deployment: GITHUB_SHA is the branch's head.
    job: () =>
      awsJob(world, {
        context: { sha: world.github.head('acme/site') },
        ...(checkout ? { workspace: checkout } : {}),
      }),
    inputs: awsInputs({ export: 'env' }),
    peer: action
      ? {
          name: 'configure-aws-credentials v6.2.3',
          action,
          inputs: { 'aws-region': 'eu-west-1', 'role-to-assume': ROLE },
          target: { main: 0.6, post: 0.5 },
        }
      : undefined,
    floorEnv: async () => ({
      BENCH_STS: world.aws.url,
      BENCH_ROLE: ROLE,
      BENCH_JWT: await world.oidc.mint({}, { audience: 'sts.amazonaws.com' }),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...trustEnv(world.oidc, world.github, 'sts.amazonaws.com'),
    }),
    close: async () => {
      await world.close();
      if (checkout) rmSync(checkout, { recursive: true, force: true });
    },
  };
}

export async function gcpCloud(notes: string[], options: WorldOptions = {}): Promise<Cloud> {
  const action = peerAction('google-github-actions-auth-v3.0.0', notes);
  const clock = new Clock();
  const oidc = await startOidcIssuer({ clock });
  // Every grant reads the repository's policy first: its REST API, with no policy on main.
  const github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  const policy = policyFor(`provider: gcp\n      service-account: ${SA}`);
  if (options.policy) github.commit('acme/site', { [POLICY_FILE]: policy });
  const checkout = options.policy ? checkoutWith(policy) : undefined;
  const google = await startGoogleEmulator({ clock, issuer: oidc.issuer });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  return {
    name: 'Google Cloud',
    job: () =>
      createJob({
        idToken: oidc.forJob,
        env: { ...google.env, ...github.env },
        context: { sha: github.head('acme/site') },
        ...(checkout ? { workspace: checkout } : {}),
      }),
    inputs: {
      provider: 'gcp',
      'oidc-issuer': oidc.issuer,
      'workload-identity-provider': google.provider,
      'service-account': SA,
      export: 'env',
    },
    peer: action
      ? {
          name: 'google-github-actions/auth v3.0.0',
          action,
          inputs: {
            workload_identity_provider: google.provider,
            service_account: SA,
            token_format: 'access_token',
          },
          target: { main: 0.7, post: 0.5 },
        }
      : undefined,
    floorEnv: async () => ({
      BENCH_STS: google.stsUrl,
      BENCH_IAM: google.iamCredentialsUrl,
      BENCH_AUDIENCE: `//iam.googleapis.com/${google.provider}`,
      BENCH_SA: SA,
      BENCH_JWT: await oidc.mint({}, { audience: `https://iam.googleapis.com/${google.provider}` }),
      ...trustEnv(oidc, github, `https://iam.googleapis.com/${google.provider}`),
    }),
    close: async () => {
      if (checkout) rmSync(checkout, { recursive: true, force: true });
      await google.close();
      await github.close();
      await oidc.close();
    },
  };
}

export async function azureCloud(): Promise<Cloud> {
  const world = await startAzureWorld();
  const inputs = azureInputs(world, { export: 'env', 'az-login': 'false' });
  return {
    name: 'Azure',
    job: () => azureJob(world),
    inputs,
    floorEnv: async () => ({
      BENCH_AUTHORITY: world.entra.authority,
      BENCH_TENANT: TENANT,
      BENCH_CLIENT: CLIENT,
      BENCH_SCOPE: inputs['scope']!,
      BENCH_JWT: await world.oidc.mint({}, { audience: 'api://AzureADTokenExchange' }),
      NODE_EXTRA_CA_CERTS: world.entra.caPath,
    }),
    close: () => world.close(),
  };
}

export interface Series {
  ms: number[];
  cpuMs: number[];
  rssKiB: number[];
}
export type Results = Map<string, Series>;

function record(results: Results, key: string, ms: number, usage: Usage | undefined): void {
  let s = results.get(key);
  if (!s) results.set(key, (s = { ms: [], cpuMs: [], rssKiB: [] }));
  s.ms.push(ms);
  if (usage) {
    s.cpuMs.push(usage.cpuMs);
    s.rssKiB.push(usage.rssKiB);
  }
}

/**
 * A plain process (the floors, bench/replay.ts's steps), spawn to exit, without blocking the
 * emulators in this one; its output is kept for the error when it fails. With `valgrind`, Node
 * runs under valgrind with those arguments (bench/callgrind.ts).
 */
export async function runProcess(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  valgrind?: string[],
): Promise<number> {
  const t0 = performance.now();
  const [command, argv] = valgrind
    ? ['valgrind', [...valgrind, nodeBinary(), ...args]]
    : [nodeBinary(), args];
  const { code, output } = await new Promise<{ code: number | null; output: string }>(
    (resolve, reject) => {
      const child = spawn(command, argv, {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Bounded like the harness's steps: a process that hangs fails the bench instead.
        timeout: valgrind ? 600_000 : 60_000,
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      child.on('error', reject);
      child.on('exit', (c) => resolve({ code: c, output: out }));
    },
  );
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`${args.join(' ')} failed: ${output}`);
  return ms;
}

/**
 * Main and post in one new job, what most jobs pay; then, unless only those are wanted, a second
 * and a third main and their posts, as a job that grants three times runs them.
 */
export async function steps(
  cloud: Cloud,
  who: 'ours' | 'peer',
  probe: Probe,
  results: Results,
  later = true,
  env: Record<string, string> = probe.env,
): Promise<void> {
  const job = await cloud.job();
  const action = who === 'ours' ? 'action.yml' : cloud.peer!.action;
  const inputs = who === 'ours' ? cloud.inputs : cloud.peer!.inputs;
  const step = async (id: string, key: string, main?: StepResult): Promise<StepResult> => {
    const r = main
      ? await job.runPost(main, { env })
      : await job.runStep({ action, id, inputs, env });
    if (r.exitCode !== 0) throw new Error(`${who} ${key} failed: ${r.stdout}\n${r.stderr}`);
    record(results, `${who} ${key}`, r.durationMs, probe.takeUsage().at(-1));
    return r;
  };
  const first = await step('first', 'main cold');
  await step('first', 'post', first);
  if (later) {
    const second = await step('second', 'main second');
    const third = await step('third', 'main warm');
    await step('third', 'post warm', third);
    await step('second', 'post second', second);
  }
  await job.cleanup();
}

/**
 * The floors (bench/floors/<cloud>-<kind>.ts, where a cloud has one): the calls over node:http
 * with no SDK, the SDK alone, and the SDK after what the trust model reads and checks.
 */
export const FLOORS = ['http', 'sdk', 'trust'] as const;

/**
 * Bundles every floor into `dir`, like dist/ (`<cloud>-<kind>.cjs`), but with each SDK whole: the
 * stand-ins dist/ has for what the action never runs (scripts/bundle.ts, STAND_INS) are ours.
 */
export async function bundleFloors(dir: string): Promise<void> {
  const input: Record<string, string> = {};
  for (const cloud of ['aws', 'gcp', 'azure'])
    for (const kind of FLOORS) {
      const source = path.join(REPO_ROOT, 'bench', 'floors', `${cloud}-${kind}.ts`);
      if (existsSync(source)) input[`${cloud}-${kind}`] = source;
    }
  await bundle(REPO_ROOT, input, dir, { standIns: false });
}

async function measureCloud(
  cloud: Cloud,
  floors: string,
  probe: Probe,
): Promise<{ results: Results; load: [number, number] }> {
  const results: Results = new Map();
  const load0 = loadavg()[0]!;
  const key = cloud.name === 'Google Cloud' ? 'gcp' : cloud.name.toLowerCase();
  const contenders: Array<() => Promise<void>> = [
    async () => {
      const ms = await runProcess(['-e', ''], probe.env);
      record(results, 'node', ms, probe.takeUsage().at(-1));
    },
    () => steps(cloud, 'ours', probe, results),
    ...(cloud.peer ? [() => steps(cloud, 'peer', probe, results)] : []),
    ...FLOORS.filter((kind) => existsSync(path.join(floors, `${key}-${kind}.cjs`))).map(
      (kind) => async () => {
        const env = { ...(await cloud.floorEnv()), ...probe.env };
        const ms = await runProcess([path.join(floors, `${key}-${kind}.cjs`)], env);
        record(results, kind, ms, probe.takeUsage().at(-1));
      },
    ),
  ];
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order, so that no contender always follows the same one.
    for (let j = 0; j < contenders.length; j++) await contenders[(i + j) % contenders.length]!();
  }
  return { results, load: [load0, loadavg()[0]!] };
}

/** Which dist/ (or peer) files a step loads, through a module-load hook; untimed. */
async function loaded(
  cloud: Cloud,
  who: 'ours' | 'peer',
): Promise<{ main: { files: number; kib: number }; post: { files: number; kib: number } }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-load-'));
  const hook = path.join(dir, 'hook.mjs');
  const root = who === 'ours' ? path.join(REPO_ROOT, 'dist') : path.dirname(cloud.peer!.action);
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';\nregisterHooks({ load(url, ctx, next) { if (url.startsWith(${JSON.stringify(`file://${root}/`)})) process.stderr.write('LOADED ' + url + '\\n'); return next(url, ctx); } });\n`,
  );
  const env = { NODE_OPTIONS: `--import=${hook}` };
  const job = await cloud.job();
  const action = who === 'ours' ? 'action.yml' : cloud.peer!.action;
  const inputs = who === 'ours' ? cloud.inputs : cloud.peer!.inputs;
  const main = await job.runStep({ action, id: 'load', inputs, env });
  const post = await job.runPost(main, { env });
  await job.cleanup();
  rmSync(dir, { recursive: true, force: true });
  const count = (r: StepResult) => {
    const files = [
      ...new Set(
        r.rawStderr
          .split('\n')
          .filter((l) => l.startsWith('LOADED '))
          .map((l) => fileURLToPath(l.slice(7))),
      ),
    ];
    return { files: files.length, kib: files.reduce((n, f) => n + statSync(f).size, 0) / 1024 };
  };
  return { main: count(main), post: count(post) };
}

const ms = (s: Series | undefined) => (s ? median(s.ms) : NaN);
const fmt = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));
const mib = (s: Series | undefined) =>
  s?.rssKiB.length ? (median(s.rssKiB) / 1024).toFixed(0) : '–';
const cpu = (s: Series | undefined) => (s?.cpuMs.length ? median(s.cpuMs).toFixed(0) : '–');
/**
 * The median over rounds of f(a, b) for the runs of one round. Those ran seconds apart, on the
 * same machine in the same state; the load of a shared machine drifts over minutes, and moves a
 * ratio of two medians taken over the whole run with it.
 */
export const paired = (
  a: Series | undefined,
  b: Series | undefined,
  f: (x: number, y: number) => number,
) => {
  const each = eachRound(a, b, f);
  return each.length ? median(each) : NaN;
};

/** f(a, b) for the runs of each round; empty unless both ran in every round. */
const eachRound = (
  a: Series | undefined,
  b: Series | undefined,
  f: (x: number, y: number) => number,
): number[] => (a && b && a.ms.length === b.ms.length ? a.ms.map((x, i) => f(x, b.ms[i]!)) : []);

/**
 * Whether `target` holds, and in how many rounds: a median a few hundredths from its target
 * moves across it from one run to the next on a shared machine, and the count says how close.
 */
function verdict(
  each: readonly number[],
  target: number,
  label = `${target}`,
  detail = '',
): string {
  const within = each.filter((v) => v <= target).length;
  return `≤ ${label} ${median(each) <= target ? 'met' : '**not met**'} (${detail}${within} of ${each.length} rounds)`;
}

/** Before this change the bundle was built by ncc (CommonJS builds of the SDKs, chunks not minified). */
const BEFORE: Record<string, { main: string; post: string }> = {
  AWS: { main: '8 files, 1241 KiB', post: '6 files, 221 KiB' },
  'Google Cloud': { main: '12 files, 1441 KiB', post: '7 files, 529 KiB' },
  Azure: { main: '10 files, 1749 KiB', post: '6 files, 250 KiB' },
};

function cloudRows(
  cloud: Cloud,
  r: Results,
  load: [number, number],
): { steps: string[]; floors: string } {
  const node = ms(r.get('node'));
  const rows: string[] = [];
  for (const [key, label] of [
    ['main cold', 'main, first step of the job (cold)'],
    ['post', 'post, after it'],
    ['main second', 'main, a second step (writes the compile cache)'],
    ['main warm', 'main, a third step (warm)'],
  ] as const) {
    const ours = r.get(`ours ${key}`);
    const peer = r.get(`peer ${key}`);
    const ratios = eachRound(ours, peer, (x, y) => x / y);
    const ratio = ratios.length ? median(ratios) : NaN;
    const aboveNode = eachRound(ours, r.get('node'), (x, y) => x - y);
    let target = '';
    if (cloud.peer && (key === 'main cold' || key === 'post'))
      target = verdict(ratios, key === 'post' ? cloud.peer.target.post : cloud.peer.target.main);
    if (!cloud.peer && key === 'main cold' && aboveNode.length)
      target = verdict(aboveNode, 150, 'floor + 150 ms', `+${median(aboveNode).toFixed(1)} ms; `);
    rows.push(
      `| ${cloud.name} ${label} | ${fmt(ms(ours))} | ${fmt(ms(peer))} | ${Number.isNaN(ratio) ? '–' : ratio.toFixed(2)} | ${target} | ${cpu(ours)} / ${cpu(peer)} | ${mib(ours)} / ${mib(peer)} |`,
    );
  }
  // What a target leaves for our own work: the SDK alone against the peer's main, an empty Node
  // against its post (paired by round, like the ratios).
  const floorRatio = (floor: string, key: string) =>
    paired(r.get(floor), r.get(`peer ${key}`), (x, y) => x / y);
  const sdkShare = floorRatio('sdk', 'main cold');
  const trustShare = floorRatio('trust', 'main cold');
  const nodeShare = floorRatio('node', 'post');
  // Our own code: the step less the floor that reads and checks what it does, paired by round.
  const ownCode = paired(r.get('ours main cold'), r.get('trust'), (x, y) => x - y);
  const share = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(2));
  const trust = r.get('trust') ? `${fmt(ms(r.get('trust')))} (${mib(r.get('trust'))} MiB)` : '–';
  const own = Number.isNaN(ownCode) ? '–' : `${ownCode >= 0 ? '+' : ''}${fmt(ownCode)}`;
  const floors = `| ${cloud.name} | ${fmt(node)} | ${fmt(ms(r.get('http')))} | ${fmt(ms(r.get('sdk')))} (${mib(r.get('sdk'))} MiB) | ${trust} | ${fmt(ms(r.get('ours main cold')))} | ${own} | ${fmt(ms(r.get('peer main cold')))} | ${share(sdkShare)} | ${share(trustShare)} | ${share(nodeShare)} | ${load[0].toFixed(1)} → ${load[1].toFixed(1)} |`;
  return { steps: rows, floors };
}

/** A round trip on a real runner is tens of milliseconds; the emulators answer on loopback in one or two. */
const LATENCY_MS = 25;

/**
 * The same first step with every emulator holding each answer LATENCY_MS, as a network would:
 * what the loopback rounds cannot show, the round trips each step waits for in turn. Ours reads
 * the issuer's keys and the policy while the token is on its way; the peers make fewer requests.
 */
async function latencyRows(make: () => Promise<Cloud>, probe: Probe): Promise<string[]> {
  return pairedRows(await withLatency(make), probe, probe.env);
}

/** `make`'s world with every emulator holding each answer LATENCY_MS. */
async function withLatency(make: () => Promise<Cloud>): Promise<Cloud> {
  process.env['EMULATOR_LATENCY_MS'] = String(LATENCY_MS);
  try {
    return await make();
  } finally {
    delete process.env['EMULATOR_LATENCY_MS'];
  }
}

/**
 * `make`'s world with every endpoint over HTTPS, as on a runner, where the loopback rounds are
 * plain HTTP: the emulators serve a P-256 certificate of a throw-away CA, which each step trusts
 * through `env` (NODE_EXTRA_CA_CERTS, on top of Node's own roots, as a runner's Node has them) and
 * this process through its default CAs, for the emulators' own reads of the issuer's keys, until
 * `dispose()`.
 */
export async function overTls<T>(
  make: () => Promise<T>,
): Promise<{ world: T; env: Record<string, string>; dispose: () => void }> {
  const ca = createTestCa('jit-credentials bench CA', 'ec');
  const roots = getCACertificates('default');
  setDefaultCACertificates([...roots, ca.caPem]);
  const dispose = () => {
    setDefaultCACertificates(roots);
    rmSync(ca.dir, { recursive: true, force: true });
  };
  process.env['EMULATOR_TLS_DIR'] = ca.dir;
  try {
    return { world: await make(), env: { NODE_EXTRA_CA_CERTS: ca.caPath }, dispose };
  } catch (err) {
    dispose();
    throw err;
  } finally {
    delete process.env['EMULATOR_TLS_DIR'];
  }
}

/**
 * The same first step over TLS: each connection's handshake and certificate check cost the step
 * CPU, and ours opens more connections than the peers (the issuer's keys, the policy).
 */
async function tlsRows(make: () => Promise<Cloud>, probe: Probe): Promise<string[]> {
  const { world: cloud, env, dispose } = await overTls(make);
  try {
    return await pairedRows(cloud, probe, { ...probe.env, ...env });
  } finally {
    dispose();
  }
}

/**
 * The same first step with a policy on the default branch: ours reads it in the same GraphQL
 * query either way, and with one, also parses and checks it (yaml) before deciding. On loopback,
 * then with LATENCY_MS a round trip, where the wait for the token leaves time to compile the
 * reader on the checkout's copy. Also what our main step then loads.
 */
async function policyRows(
  make: (options: WorldOptions) => Promise<Cloud>,
  probe: Probe,
): Promise<{ rows: string[]; loadRow: string }> {
  const cloud = await make({ policy: true });
  let main: { files: number; kib: number };
  try {
    main = (await loaded(cloud, 'ours')).main;
  } catch (err) {
    await cloud.close();
    throw err;
  }
  const loadRow = `| ${cloud.name} main, with a policy | – | ${main.files} files, ${main.kib.toFixed(0)} KiB | – |`;
  const rows = await pairedRows(cloud, probe, probe.env);
  const slow = await withLatency(() => make({ policy: true }));
  rows.push(...(await pairedRows(slow, probe, probe.env, `, ${LATENCY_MS} ms a round trip`)));
  return { rows, loadRow };
}

/** Cold main and post, ours and the peer alternating, on `cloud` (closed after). */
async function pairedRows(
  cloud: Cloud,
  probe: Probe,
  env: Record<string, string>,
  label = '',
): Promise<string[]> {
  if (!cloud.peer) {
    await cloud.close();
    return [];
  }
  const results: Results = new Map();
  try {
    const rounds = Math.max(1, Math.round(RUNS / 2));
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 ? (['peer', 'ours'] as const) : (['ours', 'peer'] as const);
      for (const who of order) await steps(cloud, who, probe, results, false, env);
    }
  } finally {
    await cloud.close();
  }
  const row = (step: string, key: string) => {
    const [ours, peer] = [results.get(`ours ${key}`), results.get(`peer ${key}`)];
    const ratio = paired(ours, peer, (x, y) => x / y);
    const cpu = (x: Series | undefined) => (x?.cpuMs.length ? fmt(median(x.cpuMs)) : '–');
    return `| ${cloud.name} ${step}${label} | ${fmt(ms(ours))} | ${fmt(ms(peer))} | ${ratio.toFixed(2)} | ${cpu(ours)} / ${cpu(peer)} |`;
  };
  return [row('main, first step (cold)', 'main cold'), row('post, after it', 'post')];
}

export async function benchFirstStep(): Promise<string> {
  const notes: string[] = [];
  const floors = mkdtempSync(path.join(tmpdir(), 'bench-floors-'));
  const probe = rssProbe();
  const stepRows: string[] = [];
  const floorRows: string[] = [];
  const loadRows: string[] = [];
  const latency: string[] = [];
  const overTls: string[] = [];
  const withPolicy: string[] = [];
  try {
    await bundleFloors(floors);
    for (const make of [() => awsCloud(notes), () => gcpCloud(notes), () => azureCloud()]) {
      const cloud = await make();
      try {
        process.stderr.write(`bench: first step, ${cloud.name}…\n`);
        const { results, load } = await measureCloud(cloud, floors, probe);
        const rows = cloudRows(cloud, results, load);
        stepRows.push(...rows.steps);
        floorRows.push(rows.floors);
        const ours = await loaded(cloud, 'ours');
        const peer = cloud.peer ? await loaded(cloud, 'peer') : undefined;
        const show = (x: { files: number; kib: number } | undefined) =>
          x ? `${x.files} file${x.files === 1 ? '' : 's'}, ${x.kib.toFixed(0)} KiB` : '–';
        loadRows.push(
          `| ${cloud.name} main | ${BEFORE[cloud.name]!.main} | ${show(ours.main)} | ${show(peer?.main)} |`,
          `| ${cloud.name} post | ${BEFORE[cloud.name]!.post} | ${show(ours.post)} | ${show(peer?.post)} |`,
        );
      } finally {
        await cloud.close();
      }
    }
    process.stderr.write(`bench: first step with ${LATENCY_MS} ms per round trip…\n`);
    for (const make of [() => awsCloud([]), () => gcpCloud([])])
      latency.push(...(await latencyRows(make, probe)));
    process.stderr.write('bench: first step over TLS…\n');
    for (const make of [() => awsCloud([]), () => gcpCloud([])])
      overTls.push(...(await tlsRows(make, probe)));
    process.stderr.write('bench: first step with a policy…\n');
    for (const make of [
      (o: WorldOptions) => awsCloud([], o),
      (o: WorldOptions) => gcpCloud([], o),
    ]) {
      const { rows, loadRow } = await policyRows(make, probe);
      withPolicy.push(...rows);
      loadRows.push(loadRow);
    }
  } finally {
    probe.dispose();
    rmSync(floors, { recursive: true, force: true });
  }
  return [
    '### The first step of a job, against the peers',
    '',
    `Medians of ${RUNS} rounds; in each round every contender runs once, in a rotating order, against the same emulators. "Cold": a new job, so no compile cache; the first grant of a job writes none (most jobs grant once), the second writes it and a third, "warm", starts from it; each job runs main, post, then the second and third main and their posts. Peers: the released bundles in \`shared/peers\`, run through their own action.yml. Ratio: ours ÷ peer wall time in the same round, the median over the rounds (Azure: ours − \`node -e ''\` in the same round); beside each target, in how many rounds it held.`,
    '',
    '| step | ours ms | peer ms | ratio | target | CPU ms ours / peer | peak RSS MiB ours / peer |',
    '|---|---:|---:|---:|---|---:|---:|',
    ...stepRows,
    '',
    'Floors, cold, whole processes (ms): Node itself; the same HTTP calls over node:http, no SDK (as the peers send them); the SDK alone making the call (bench/floors/, bundled like dist/); the SDK after what the trust model reads and checks first (the job’s token, the issuer’s keys, the default branch’s policy: repository, head, file; the token verified with jose; bench/floors/trust.ts), which no peer does, with Google’s two calls sent as our step sends them (gaxios over node:http, src/http/node-fetch.ts) where the SDK-alone floor takes gaxios as it comes (on node-fetch); then the whole steps, and ours less that last floor, our own code, paired by round; and what a target leaves for our own work, a floor ÷ the peer’s step, paired by round like the ratios. Load average at the start → end of each cloud.',
    '',
    "| cloud | `node -e ''` | node:http, no SDK | SDK alone | SDK after the trust model's reads | ours main cold | ours − that floor | peer main cold | SDK alone ÷ peer main | SDK after the reads ÷ peer main | `node -e ''` ÷ peer post | load |",
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...floorRows,
    '',
    `With ${LATENCY_MS} ms per round trip: every emulator holds each answer ${LATENCY_MS} ms, as a network between the runner and GitHub or the cloud would (medians of ${Math.max(1, Math.round(RUNS / 2))} rounds, ours and the peer alternating). The peers send the token request and the cloud's calls; ours also reads the issuer's keys and the policy from GitHub's API, while the token is on its way.`,
    '',
    '| step | ours ms | peer ms | ratio | CPU ms ours / peer |',
    '|---|---:|---:|---:|---:|',
    ...latency,
    '',
    `Over TLS: every endpoint HTTPS, as on a runner (the emulators serve a P-256 certificate of a throw-away CA that each step trusts through NODE_EXTRA_CA_CERTS, beside Node's own roots; medians of ${Math.max(1, Math.round(RUNS / 2))} rounds, ours and the peer alternating; loopback, no added latency). Each connection's handshake costs the step CPU; ours opens more connections than the peers.`,
    '',
    '| step | ours ms | peer ms | ratio | CPU ms ours / peer |',
    '|---|---:|---:|---:|---:|',
    ...overTls,
    '',
    `With a policy: the repository's default branch holds \`${POLICY_FILE}\` with one rule (the repository and the branch, exact; one principal), which allows the step, and the job's checkout the same file, as after actions/checkout; every row above is measured without one, as the peers have none (medians of ${Math.max(1, Math.round(RUNS / 2))} rounds, ours and the peer alternating; loopback, plain HTTP, then with ${LATENCY_MS} ms a round trip). Ours reads the policy in the same query either way; with one, it also loads its reader and checks the file before deciding (the reader compiled, while the token is on its way, on the checkout's copy).`,
    '',
    '| step | ours ms | peer ms | ratio | CPU ms ours / peer |',
    '|---|---:|---:|---:|---:|',
    ...withPolicy,
    '',
    'What each step loads (module-load hook; dist/ files or the peer bundle). Before: the ncc build of the same sources (commit 96750e2, SDKs in their CommonJS builds, chunks not minified).',
    '',
    '| step | before (ncc) | now | peer |',
    '|---|---|---|---|',
    ...loadRows,
    '',
    'How each step was made cheaper, the instruction counts behind it and what is left: bench/FIRST-STEP.md.',
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchFirstStep());
}

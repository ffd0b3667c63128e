/**
 * Replays one step of a job, many times, to compare builds within a few ms (bench/FIRST-STEP.md):
 * instruction counts move by ±10 M between runs of a small step, whole benchmarks by more.
 *
 *   node bench/replay.ts <aws|gcp|azure> <main|post> [runs] [--tls] [--policy] [DIR | NAME=VALUE]...
 *
 * The job's directory is copied before the main step (main: a cold step, no compile cache) or
 * after it (post), with the step's environment as the harness set it. Each round then starts, in
 * a rotating order: an empty Node, this checkout's dist/, and each variant — DIR, another build
 * (a directory holding dist/, e.g. a `git worktree` of an older commit after `npm run build`), or
 * NAME=VALUE, this dist/ with one more environment variable. Every run starts from the copy. For
 * post, each DIR's main step runs once first, as the job's first grant, and that DIR's posts start
 * from a copy of their own holding whatever compile cache its main left, as a real job's would
 * (none, for a build whose first grant writes none). Prints the median wall time of each, spawn to
 * exit, in ms. With --tls, every endpoint is HTTPS, as on a runner (first-step.ts's overTls); with
 * --policy, the repository's default branch holds a policy that allows the step (AWS and Google).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { awsCloud, azureCloud, gcpCloud, overTls, runProcess } from './first-step.ts';
import { median } from './measure.ts';

const argv = process.argv.slice(2);
const tls = argv.includes('--tls');
const policy = argv.includes('--policy');
const [cloudName, phase, runsArg, ...variantArgs] = argv.filter(
  (a) => a !== '--tls' && a !== '--policy',
);
if (!['aws', 'gcp', 'azure'].includes(cloudName ?? '') || !['main', 'post'].includes(phase ?? '')) {
  console.error(
    'usage: node bench/replay.ts <aws|gcp|azure> <main|post> [runs] [--tls] [--policy] [DIR | NAME=VALUE]...',
  );
  process.exit(2);
}
const runs = Number(runsArg ?? 21);
const work = mkdtempSync(path.join(tmpdir(), 'bench-replay-'));
const dump = path.join(work, 'dump.cjs');
// The step's environment, arguments and directory, as the harness started it.
writeFileSync(
  dump,
  `require('node:fs').writeFileSync(process.env.REPLAY_DUMP, JSON.stringify({ env: process.env, cwd: process.cwd(), entry: process.argv[1] }));\n`,
);
interface Started {
  env: Record<string, string>;
  cwd: string;
  entry: string;
}
const traced = (name: string) => ({
  NODE_OPTIONS: `--require=${dump}`,
  REPLAY_DUMP: path.join(work, name),
});
const read = (name: string): Started => {
  const s = JSON.parse(readFileSync(path.join(work, name), 'utf8')) as Started;
  delete s.env['NODE_OPTIONS'];
  delete s.env['REPLAY_DUMP'];
  return s;
};
const FILE_COMMANDS = [
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_PATH',
];

const make = () =>
  cloudName === 'aws'
    ? awsCloud([], { policy })
    : cloudName === 'gcp'
      ? gcpCloud([], { policy })
      : azureCloud();
const secure = tls ? await overTls(make) : undefined;
// The throw-away CA goes however the replay ends, a failed step included.
if (secure) process.on('exit', secure.dispose);
const cloud = secure?.world ?? (await make());
const job = await cloud.job();
const main = await job.runStep({
  action: 'action.yml',
  id: 'replay',
  inputs: cloud.inputs,
  env: { ...traced('main'), ...secure?.env },
});
if (main.exitCode !== 0) throw new Error(`the main step failed: ${main.stdout}`);
const mainStart = read('main');
const root = path.dirname(mainStart.env['RUNNER_TEMP']!);
const copy = `${root}.replay`;

/** Puts the job's directory back as it was copied, with the step's empty file-command files. */
function restore(start: Started, from = copy): void {
  rmSync(root, { recursive: true, force: true });
  cpSync(from, root, { recursive: true });
  for (const name of FILE_COMMANDS) writeFileSync(start.env[name]!, '');
}

function runOnce(
  entry: string,
  start: Started,
  extra: Record<string, string> = {},
  from = copy,
): Promise<number> {
  restore(start, from);
  return runProcess([entry], { ...start.env, ...extra }, start.cwd);
}

/** Each DIR variant's post starts from a copy of its own: the job as its own main step left it. */
const copies = new Map<string, string>();

let start: Started;
if (phase === 'main') {
  // Back to before the step: its private directory (ledger, compile cache) removed.
  rmSync(path.join(mainStart.env['RUNNER_TEMP']!, 'jit-credentials'), {
    recursive: true,
    force: true,
  });
  cpSync(root, copy, { recursive: true });
  start = mainStart;
} else {
  cpSync(root, copy, { recursive: true });
  const ours = path.join(mainStart.env['RUNNER_TEMP']!, 'jit-credentials');
  for (const dir of variantArgs.filter((v) => !v.includes('='))) {
    // The variant's own main step, as the job's first grant (our directory not made yet), for the
    // compile cache it leaves, if any; the ledger and state stay this checkout's main step's.
    restore(mainStart);
    rmSync(ours, { recursive: true, force: true });
    await runProcess(
      [path.join(path.resolve(dir), 'dist', path.basename(mainStart.entry))],
      mainStart.env,
      mainStart.cwd,
    );
    const cache = path.join(ours, 'compile-cache');
    const own = `${copy}.${copies.size}`;
    cpSync(copy, own, { recursive: true });
    if (existsSync(cache)) cpSync(cache, cache.replace(root, own), { recursive: true });
    copies.set(dir, own);
  }
  const post = await job.runPost(main, { env: { ...traced('post'), ...secure?.env } });
  if (post.exitCode !== 0) throw new Error(`the post step failed: ${post.stdout}`);
  start = read('post');
}

const empty = path.join(work, 'empty.js');
writeFileSync(empty, '');
const entryOf = (dir: string) => path.join(path.resolve(dir), 'dist', path.basename(start.entry));
const contenders: Array<[string, string, Record<string, string>]> = [
  ['node (empty file)', empty, {}],
  ['dist/', start.entry, {}],
  ...variantArgs.map((v): [string, string, Record<string, string>] => {
    const eq = v.indexOf('=');
    return eq > 0 ? [v, start.entry, { [v.slice(0, eq)]: v.slice(eq + 1) }] : [v, entryOf(v), {}];
  }),
];
const times = new Map<string, number[]>();
for (let i = 0; i < runs; i++) {
  for (let j = 0; j < contenders.length; j++) {
    const [name, entry, extra] = contenders[(i + j) % contenders.length]!;
    const from = copies.get(name) ?? copy;
    times.set(name, [...(times.get(name) ?? []), await runOnce(entry, start, extra, from)]);
  }
}
console.log(`${cloud.name} ${phase}, medians of ${runs} replays (ms):`);
for (const [name, ms] of times) console.log(`  ${median(ms).toFixed(1).padStart(7)}  ${name}`);

for (const dir of [copy, ...copies.values()]) rmSync(dir, { recursive: true, force: true });
await job.cleanup();
await cloud.close();
rmSync(work, { recursive: true, force: true });

/**
 * Instruction counts of the first step of a job (cold main, then its post), the measure that
 * bench/FIRST-STEP.md uses because it does not move with the machine's load. Each step runs through
 * the harness exactly as in `npm run bench`, but its Node process runs under valgrind's callgrind
 * (a preload re-executes the step under valgrind and passes its exit status on). Prints millions of
 * instructions, main thread and all threads. Slow (tens of seconds a step); needs valgrind and a
 * built dist/.
 *
 * With --floors, the floors of bench/floors/ too (bundled like dist/), each run straight under
 * valgrind with the variables bench/first-step.ts gives them.
 *
 * With --policy, the repository's default branch holds a policy that allows the step (AWS, Google).
 *
 *   node bench/callgrind.ts [aws] [gcp] [azure] [--peers] [--floors] [--policy]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  awsCloud,
  azureCloud,
  bundleFloors,
  FLOORS,
  gcpCloud,
  runProcess,
  type Cloud,
} from './first-step.ts';

const args = process.argv.slice(2);
const withPeers = args.includes('--peers');
const withFloors = args.includes('--floors');
const policy = args.includes('--policy');
const clouds = args.filter((a) => !a.startsWith('--'));
const want = (name: string) => clouds.length === 0 || clouds.includes(name);

const dir = mkdtempSync(path.join(tmpdir(), 'bench-callgrind-'));
const preload = path.join(dir, 'under-valgrind.mjs');
const restore = path.join(dir, 'restore-env.cjs');
// The outer process only waits; the step's work, and only it, runs under valgrind. valgrind drops
// variables whose names hold a '-' (INPUT_OIDC-ISSUER...), so the environment travels in a file
// that a preload of the inner process puts back (a constant cost, the same for every build; CommonJS,
// so that it does not start Node's ES module loader, which the runner's process never would).
writeFileSync(
  preload,
  `import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const env = { ...process.env };
delete env.NODE_OPTIONS;
const out = env.CALLGRIND_OUT;
delete env.CALLGRIND_OUT;
writeFileSync(out + '/env.json', JSON.stringify(env));
const r = spawnSync('valgrind', ['--tool=callgrind', '--separate-threads=yes', '--callgrind-out-file=' + out + '/cg.%p', process.execPath, '--require=${restore}', ...process.argv.slice(1)], { env: { ...env, RESTORE_ENV: out + '/env.json' }, stdio: ['ignore', 'inherit', 'pipe'] });
process.exit(r.status ?? 1);
`,
);
writeFileSync(
  restore,
  `const { readFileSync } = require('node:fs');
const env = JSON.parse(readFileSync(process.env.RESTORE_ENV, 'utf8'));
delete process.env.RESTORE_ENV;
Object.assign(process.env, env);
`,
);

/** Millions of instructions: the main thread (file -01) and all threads. */
function counts(out: string): { main: number; all: number } {
  let main = 0;
  let all = 0;
  for (const f of readdirSync(out).filter((f) => f.startsWith('cg.'))) {
    const m = /^(?:summary|totals): (\d+)/m.exec(readFileSync(path.join(out, f), 'utf8'));
    const n = m ? Number(m[1]) / 1e6 : 0;
    all += n;
    if (f.endsWith('-01')) main = n;
  }
  return { main, all };
}

async function measure(cloud: Cloud, who: 'ours' | 'peer'): Promise<string[]> {
  const job = await cloud.job();
  const rows: string[] = [];
  const action = who === 'ours' ? 'action.yml' : cloud.peer!.action;
  const inputs = who === 'ours' ? cloud.inputs : cloud.peer!.inputs;
  const step = async (phase: string, run: (env: Record<string, string>) => Promise<unknown>) => {
    const out = mkdtempSync(path.join(dir, 'out-'));
    const r = (await run({ NODE_OPTIONS: `--import=${preload}`, CALLGRIND_OUT: out })) as {
      exitCode: number | null;
      stdout: string;
      stderr: string;
    };
    if (r.exitCode !== 0) throw new Error(`${who} ${phase} failed: ${r.stdout}\n${r.stderr}`);
    const c = counts(out);
    rows.push(`| ${cloud.name} ${phase} | ${who} | ${c.main.toFixed(0)} | ${c.all.toFixed(0)} |`);
    process.stderr.write(`${rows.at(-1)!}\n`);
  };
  let main: Awaited<ReturnType<typeof job.runStep>> | undefined;
  await step('main (cold)', async (env) => {
    main = await job.runStep({ action, id: 'cg', inputs, env, timeoutMs: 600_000 });
    return main;
  });
  await step('post', (env) => job.runPost(main!, { env, timeoutMs: 600_000 }));
  await job.cleanup();
  return rows;
}

/** Each floor of the cloud (`key`: aws, gcp, azure) as a whole process under valgrind. */
async function measureFloors(cloud: Cloud, key: string, floors: string): Promise<string[]> {
  const rows: string[] = [];
  for (const kind of FLOORS) {
    const script = path.join(floors, `${key}-${kind}.cjs`);
    if (!existsSync(script)) continue;
    const out = mkdtempSync(path.join(dir, 'out-'));
    // valgrind keeps the variables (BENCH_* have no '-'); the emulators answer from this process.
    await runProcess([script], await cloud.floorEnv(), undefined, [
      '--tool=callgrind',
      '--separate-threads=yes',
      `--callgrind-out-file=${out}/cg.%p`,
    ]);
    const c = counts(out);
    rows.push(`| ${cloud.name} floor: ${kind} | – | ${c.main.toFixed(0)} | ${c.all.toFixed(0)} |`);
    process.stderr.write(`${rows.at(-1)!}\n`);
  }
  return rows;
}

const check = spawnSync('valgrind', ['--version']);
if (check.status !== 0) throw new Error('valgrind is not installed');
const rows = ['| step | who | main thread, M instructions | all threads |', '|---|---|---:|---:|'];
const notes: string[] = [];
const floors = path.join(dir, 'floors');
try {
  if (withFloors) await bundleFloors(floors);
  for (const [name, make] of [
    ['aws', () => awsCloud(notes, { policy })],
    ['gcp', () => gcpCloud(notes, { policy })],
    ['azure', () => azureCloud()],
  ] as const) {
    if (!want(name)) continue;
    const cloud = await make();
    try {
      rows.push(...(await measure(cloud, 'ours')));
      if (withPeers && cloud.peer) rows.push(...(await measure(cloud, 'peer')));
      if (withFloors) rows.push(...(await measureFloors(cloud, name, floors)));
    } finally {
      await cloud.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log([...rows, ...notes].join('\n'));

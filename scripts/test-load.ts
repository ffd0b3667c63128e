// Runs the whole `npm test` suite while two busy loops keep both cores of a 2-core machine
// occupied, to show the suite holds on a loaded machine (a CI runner, a laptop building
// something else). `npm run test:load -- 3` repeats it up to 3 times and stops at the first
// failure; any further arguments go to vitest (`npm run test:load -- 2 test/harness`).
//
// Each run's full output goes to the terminal and to a log file; a one-line summary per run is
// printed after it and again at the end. The loops are killed when this script ends, however it
// ends; if it is killed outright, each loop notices its parent is gone and exits by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const LOOPS = 2;
/**
 * A busy loop that checks now and then (every ~10^8 iterations) that its parent is still this
 * script: its parent pid in /proc changes when this script dies, however it dies (a pid that
 * could be reused, or a zombie nobody reaps, would fool `kill(pid, 0)`); elsewhere it falls back
 * to `kill(pid, 0)`.
 */
const BUSY_LOOP = `const fs = require('node:fs');
const parent = process.ppid;
const orphaned = () => {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parent;
  } catch {
    try { process.kill(parent, 0); return false; } catch { return true; }
  }
};
for (let i = 1; ; i++) if (i % 1e8 === 0 && orphaned()) process.exit(0);`;

interface RunSummary {
  run: number;
  passed: boolean;
  line: string;
}

interface VitestJson {
  success?: boolean;
  numTotalTests?: number;
  numFailedTests?: number;
  testResults?: Array<{
    name: string;
    status?: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string }>;
  }>;
}

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run test:load [-- RUNS [vitest arguments...]]  (RUNS: 1-100, default 1)`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): { runs: number; vitestArgs: string[] } {
  const [first, ...rest] = argv;
  if (first === undefined) return { runs: 1, vitestArgs: [] };
  if (!/^\d+$/.test(first)) return { runs: 1, vitestArgs: argv };
  const runs = Number(first);
  if (runs < 1 || runs > 100) usage(`Invalid number of runs '${first}'.`);
  return { runs, vitestArgs: rest };
}

const loops: ChildProcess[] = [];
let tests: ChildProcess | undefined;

function startLoops(): void {
  for (let i = 0; i < LOOPS; i++) {
    loops.push(spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }));
  }
}

/** CPU seconds a loop has used, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(child: ChildProcess): number | undefined {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function stopAll(): void {
  for (const loop of loops) {
    if (loop.exitCode === null && loop.signalCode === null) loop.kill('SIGKILL');
  }
  if (tests?.pid !== undefined && tests.exitCode === null && tests.signalCode === null) {
    try {
      process.kill(-tests.pid, 'SIGTERM'); // npm, its shell and vitest: the group started below
    } catch {
      // already gone
    }
  }
}

process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\ntest:load: ${signal}, stopping the busy loops and the test run.`);
    stopAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/** `npm test` with a JSON report beside the usual output; resolves with its exit code. */
function runSuite(report: string, log: string, vitestArgs: string[]): Promise<number | null> {
  const npmCli = process.env['npm_execpath'];
  const args = [
    'test',
    '--',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...vitestArgs,
  ];
  const [file, fileArgs] = npmCli ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const out = createWriteStream(log);
  return new Promise((resolve, reject) => {
    // Its own process group, so that an interrupted load test can stop vitest's workers too.
    tests = spawn(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    for (const stream of [tests.stdout!, tests.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        out.write(chunk);
      });
    }
    tests.on('error', reject);
    tests.on('close', (code) => {
      out.end();
      resolve(code);
    });
  });
}

function summarise(
  run: number,
  runs: number,
  code: number | null,
  report: string,
  log: string,
  seconds: number,
  load: string,
): RunSummary {
  const head = `run ${run}/${runs}:`;
  const busy = loops.map(cpuSeconds).filter((s): s is number => s !== undefined);
  const busyText = busy.length
    ? `, busy loops at ${busy.map((s) => s.toFixed(0)).join(' + ')} CPU s so far`
    : '';
  if (!existsSync(report)) {
    return {
      run,
      passed: false,
      line: `${head} FAIL  vitest wrote no report (exit ${code}); see ${log}`,
    };
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  const failedTests = (json.testResults ?? []).flatMap((file) => {
    const rel = path.relative(process.cwd(), file.name);
    const failed = (file.assertionResults ?? [])
      .filter((a) => a.status === 'failed')
      .map((a) => `${rel} > ${a.fullName}`);
    // A file that failed to load has no failed test of its own.
    return failed.length === 0 && file.status === 'failed'
      ? [`${rel}: ${file.message ?? 'failed'}`]
      : failed;
  });
  const passed = code === 0 && json.success === true && failedTests.length === 0;
  const counts = `${json.numTotalTests ?? '?'} tests in ${json.testResults?.length ?? '?'} files, ${seconds.toFixed(1)} s, load ${load} at start${busyText}`;
  if (passed) return { run, passed, line: `${head} PASS  ${counts}` };
  const shown = failedTests.slice(0, 5).join('; ');
  const more = failedTests.length > 5 ? ` (+${failedTests.length - 5} more)` : '';
  return {
    run,
    passed,
    line: `${head} FAIL  ${failedTests.length} failed: ${shown}${more}; ${counts}; log ${log}`,
  };
}

async function main(): Promise<void> {
  const { runs, vitestArgs } = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(path.join(tmpdir(), 'jit-test-load-'));
  startLoops();
  console.log(
    `test:load: ${LOOPS} busy loops started (pids ${loops.map((l) => l.pid).join(', ')}); up to ${runs} run(s); logs in ${dir}`,
  );
  const summaries: RunSummary[] = [];
  for (let run = 1; run <= runs; run++) {
    const report = path.join(dir, `run-${run}.json`);
    const log = path.join(dir, `run-${run}.log`);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    const started = performance.now();
    const code = await runSuite(report, log, vitestArgs);
    const summary = summarise(
      run,
      runs,
      code,
      report,
      log,
      (performance.now() - started) / 1000,
      load,
    );
    summaries.push(summary);
    console.log(`\ntest:load: ${summary.line}\n`);
    if (!summary.passed) break;
  }
  stopAll();
  console.log('test:load summary:');
  for (const s of summaries) console.log(`  ${s.line}`);
  const failed = summaries.some((s) => !s.passed);
  if (!failed && summaries.length === runs)
    console.log(`test:load: all ${runs} run(s) passed under load.`);
  process.exitCode = failed ? 1 : 0;
}

await main();

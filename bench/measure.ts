/**
 * Shared by the benchmarks: medians, a peak-RSS probe for whole processes, and the `node -e ''`
 * floor that every figure is read against.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Job } from '../test/harness/job.ts';
import { nodeBinary, REPO_ROOT } from '../test/harness/node.ts';

/** `npm run bench -- --quick` (BENCH_QUICK=1): a few runs of everything, to check the bench runs. */
export const QUICK = process.env['BENCH_QUICK'] === '1';

/**
 * A folder of ../shared beside the repository (`peers`, `corpus`): in a clone beside it, or in a
 * git worktree one level further down (wt/<name>). Undefined when neither exists.
 */
export function sharedDir(name: string): string | undefined {
  return [
    path.join(REPO_ROOT, '..', 'shared', name),
    path.join(REPO_ROOT, '..', '..', 'shared', name),
  ].find((dir) => existsSync(dir));
}

/** `n` runs, or at most 3 in quick mode. */
export const runs = (n: number): number => (QUICK ? Math.min(n, 3) : n);

export const RUNS = runs(Number(process.env['BENCH_RUNS'] ?? 21));

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** What a process used, from its own `process.resourceUsage()` at exit. */
export interface Usage {
  rssKiB: number;
  /** User plus system CPU time, all threads. */
  cpuMs: number;
}

/**
 * Peak RSS from /proc/self/status (VmHWM): on Linux, getrusage's maxRSS keeps the high-water
 * mark of the process that spawned this one (the benchmark, hundreds of MiB), so it would report
 * the parent's figure for every small child.
 */
const PRELOAD = `const fs = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  let rss = u.maxRSS;
  try {
    rss = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {}
  fs.appendFileSync(process.env.BENCH_RSS_FILE, rss + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n');
});
`;

/**
 * A preload that appends the process's peak RSS (KiB) and CPU time to a file when it exits; the
 * measured bundle is not touched. Pass `env` to the measured process, then `take()` the peak RSS
 * values or `takeUsage()` both.
 */
export function rssProbe(): {
  env: Record<string, string>;
  take: () => number[];
  takeUsage: () => Usage[];
  dispose: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-rss-'));
  const file = path.join(dir, 'rss.txt');
  // CommonJS: an ES module preload (--import) starts Node's ES module loader in every measured
  // process, about 10 ms that the runner, which preloads nothing, never pays.
  const preload = path.join(dir, 'rss.cjs');
  writeFileSync(preload, PRELOAD);
  const takeUsage = (): Usage[] => {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // nothing recorded
    }
    rmSync(file, { force: true });
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [rss, cpu] = line.split(' ').map(Number);
        return { rssKiB: rss!, cpuMs: cpu! };
      });
  };
  return {
    env: { NODE_OPTIONS: `--require=${preload}`, BENCH_RSS_FILE: file },
    take: () => takeUsage().map((u) => u.rssKiB),
    takeUsage,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Sample {
  what: string;
  ms: number[];
  rssKiB: number[];
  note?: string;
}

/** `node -e ''` with the same probe: the cost of starting Node at all. */
export function floor(probe: ReturnType<typeof rssProbe>, runs = RUNS): Sample {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(nodeBinary(), ['-e', ''], { env: { ...process.env, ...probe.env } });
    ms.push(performance.now() - t);
  }
  return { what: "`node -e ''` (floor)", ms, rssKiB: probe.take() };
}

export function tableRows(samples: readonly Sample[]): string {
  return samples
    .map((s) => {
      const rss = s.rssKiB.length ? (median(s.rssKiB) / 1024).toFixed(1) : '–';
      return `| ${s.what} | ${median(s.ms).toFixed(0)} | ${rss} | ${s.ms.length} | ${s.note ?? ''} |`;
    })
    .join('\n');
}

export const TABLE_HEAD =
  '| what | median wall ms | median peak RSS MiB | runs | note |\n|---|---|---|---|---|';

/**
 * Runs the root action's main step `runs` times in `job` (through action.yml, as the runner
 * does) and, when `posts` is given, after each main its post twice: once closing the grant,
 * once with nothing left to close.
 */
export async function measureMain(
  job: Job,
  c: { what: string; inputs: Record<string, string> },
  runs: number,
  probe: ReturnType<typeof rssProbe>,
  posts?: { closing: Sample; idle: Sample },
): Promise<Sample> {
  const s: Sample = { what: c.what, ms: [], rssKiB: [] };
  for (let i = 0; i < runs; i++) {
    const step = await job.runStep({
      action: 'action.yml',
      id: `b${i}`,
      inputs: c.inputs,
      env: probe.env,
    });
    if (step.exitCode !== 0) throw new Error(`${c.what} failed: ${step.stdout}${step.stderr}`);
    s.ms.push(step.durationMs);
    s.rssKiB.push(...probe.take());
    if (posts) {
      for (const sample of [posts.closing, posts.idle]) {
        const p = await job.runPost(step, { env: probe.env });
        sample.ms.push(p.durationMs);
        sample.rssKiB.push(...probe.take());
      }
    }
  }
  return s;
}

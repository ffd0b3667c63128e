/**
 * `npm run bench`: every benchmark, as whole processes where the user pays a whole process, and
 * the results written to bench/RESULTS.md. Run on a quiet machine: each figure is a median, but
 * other load still moves them. Needs a built dist/ (`npm run build`).
 *
 * `npm run bench -- first-step aws` runs only those sections and prints them; `--quick` runs
 * everything a few times (at most 3 runs a figure), to check that the bench works, and writes its
 * figures to a temporary file instead of bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../test/harness/node.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// Read by bench/measure.ts when the benchmarks load, below.
if (quick) process.env['BENCH_QUICK'] = '1';
const only = args.filter((a) => a !== '--quick');
const want = (name: string) => only.length === 0 || only.includes(name);

const { benchAws } = await import('./aws.ts');
const { benchAzure } = await import('./azure.ts');
const { benchFirstStep } = await import('./first-step.ts');
const { benchGcp, GCP_BENCH_HEADER } = await import('./gcp.ts');
const { benchPolicy } = await import('./policy.ts');
const { benchScan } = await import('./scan.ts');

const sections: string[] = [];
const started = new Date();
/** The commit measured, and whether dist/ or src/ differed from it: figures belong to a build. */
function measuredBuild(): string {
  try {
    const git = (...a: string[]) =>
      execFileSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'dist', 'src', 'scripts') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'a build outside git';
  }
}
const header = [
  '# Benchmark results',
  '',
  `Measured ${started.toISOString().slice(0, 16)}Z (${measuredBuild()}) by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.versions.node}, load average ${loadavg()[0]!.toFixed(2)} at the start.`,
  'Wall time is the whole process as the runner starts it (spawn to exit, through the test harness); peak RSS (VmHWM) and CPU time (user + system, all threads) from the process itself at exit; medians of the runs shown.',
  "Figures move with the machine: read them against the `node -e ''` floor and the peer measured in the same rounds, and against the load average given with them.",
  "Every figure sits on top of `node -e ''`, the cost of starting Node at all.",
  ...(quick
    ? ['', '**Quick mode (`--quick`): at most 3 runs a figure. Not figures to quote.**']
    : []),
  '',
];
const run = async (name: string, fn: () => Promise<string>) => {
  if (!want(name)) return;
  const t0 = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  sections.push(await fn());
  process.stderr.write(`bench: ${name} took ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
};

await run('first-step', benchFirstStep);
await run('aws', benchAws);
await run('azure', benchAzure);
await run('gcp', async () => `### Google Cloud\n\n${GCP_BENCH_HEADER}\n${await benchGcp()}`);
await run('policy', async () => `### Policy decisions\n\n${await benchPolicy()}`);
await run('scan', async () => `### Scanner\n\n${await benchScan()}`);

header.push(`Load average at the end: ${loadavg()[0]!.toFixed(2)}.`, '');
const text = [...header, ...sections.flatMap((s) => [s, ''])].join('\n');
console.log(text);
if (only.length === 0) {
  const out = quick
    ? path.join(mkdtempSync(path.join(tmpdir(), 'bench-quick-')), 'RESULTS.md')
    : path.join(REPO_ROOT, 'bench/RESULTS.md');
  writeFileSync(out, text);
  process.stderr.write(`bench: written to ${out}\n`);
}

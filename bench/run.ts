/**
 * `npm run bench`: every benchmark, as whole processes where the user pays a whole process, and
 * the results written to bench/RESULTS.md. Run on a quiet machine: each figure is a median, but
 * other load still moves them. Needs a built dist/ (the committed one, or `npm run build`).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../test/harness/node.ts';
import { benchAws } from './aws.ts';
import { benchAzure } from './azure.ts';
import { benchFirstStep } from './first-step.ts';
import { benchGcp, GCP_BENCH_HEADER } from './gcp.ts';
import { benchPolicy } from './policy.ts';
import { benchScan } from './scan.ts';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const sections: string[] = [];
const started = new Date();
const header = [
  '# Benchmark results',
  '',
  `Measured ${started.toISOString().slice(0, 16)}Z by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.versions.node}, load average ${loadavg()[0]!.toFixed(2)} at the start.`,
  'Wall time is the whole process as the runner starts it (spawn to exit, through the test harness); peak RSS (VmHWM) and CPU time (user + system, all threads) from the process itself at exit; medians of the runs shown.',
  "Figures move with the machine: read them against the `node -e ''` floor and the peer measured in the same rounds, and against the load average given with them.",
  "Every figure sits on top of `node -e ''`, the cost of starting Node at all.",
  '',
];
const run = async (name: string, fn: () => Promise<string>) => {
  if (!want(name)) return;
  process.stderr.write(`bench: ${name}…\n`);
  sections.push(await fn());
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
if (only.length === 0) writeFileSync(path.join(REPO_ROOT, 'bench/RESULTS.md'), text);

/**
 * AWS path, whole processes: dist/main.js and dist/post.js run through the harness exactly as the
 * runner runs them, against the OIDC issuer and the AWS emulator on loopback, next to the
 * `node -e ''` floor. Run alone with `node bench/aws.ts` (after `npm run build`).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { awsInputs, awsJob, startAwsWorld, READ_ROLE } from '../test/e2e/aws-setup.ts';
import { REPO_ROOT } from '../test/harness/node.ts';
import {
  floor,
  measureMain,
  median,
  RUNS,
  rssProbe,
  tableRows,
  TABLE_HEAD,
  type Sample,
} from './measure.ts';

export async function benchAws(): Promise<string> {
  const world = await startAwsWorld();
  const probe = rssProbe();
  const samples: Sample[] = [floor(probe)];
  try {
    const job = await awsJob(world);
    const env = probe.env;
    const cases: Array<{ what: string; inputs: Record<string, string>; post?: boolean }> = [
      {
        what: 'main, `run: true` (issue, run, close)',
        inputs: awsInputs({ run: 'true', duration: '5m' }),
      },
      { what: 'main, `export: env`', inputs: awsInputs({ export: 'env' }), post: true },
      { what: 'main, `export: outputs`', inputs: awsInputs({ export: 'outputs' }) },
    ];
    const post: Sample = { what: 'post, closing one open grant', ms: [], rssKiB: [] };
    const idle: Sample = { what: 'post, nothing left to close', ms: [], rssKiB: [] };
    for (const c of cases) {
      const s = await measureMain(
        job,
        c,
        RUNS,
        probe,
        c.post ? { closing: post, idle } : undefined,
      );
      samples.push(s);
    }
    samples.push(post, idle);

    const denied: Sample = {
      what: 'main, STS denial (trust policy)',
      ms: [],
      rssKiB: [],
      note: 'fails at once, 1 STS call',
    };
    for (let i = 0; i < Math.min(RUNS, 11); i++) {
      const step = await job.runStep({
        action: 'action.yml',
        id: `d${i}`,
        inputs: { ...awsInputs({ run: 'true' }), role: READ_ROLE },
        env,
      });
      if (step.exitCode !== 1) throw new Error('the denial case was not denied');
      denied.ms.push(step.durationMs);
      denied.rssKiB.push(...probe.take());
    }
    samples.push(denied);
    await job.cleanup();
  } finally {
    probe.dispose();
    await world.close();
  }
  const size = (f: string) => statSync(path.join(REPO_ROOT, 'dist', f)).size;
  const all = readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => /\.c?js$/.test(f));
  const total = all.reduce((n, f) => n + size(f), 0);
  const floorMs = median(samples[0]!.ms);
  return [
    '### AWS (main and post as whole processes)',
    '',
    TABLE_HEAD,
    tableRows(samples),
    '',
    `Floor ${floorMs.toFixed(0)} ms. Warm: every main step here but the first two of each job starts from the compile cache (the first writes none, the second writes it; the first step of a job is measured against the peer above). dist/: ${(total / 1024).toFixed(0)} KiB of JavaScript in ${all.length} files (licenses aside).`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchAws());
}

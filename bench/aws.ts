/**
 * AWS path, whole processes: dist/main.js and dist/post.js run through the harness exactly as the
 * runner runs them, against the OIDC issuer and the AWS emulator on loopback, next to the
 * `node -e ''` floor. Run alone with `node bench/aws.ts` (after `npm run build`).
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { awsInputs, awsJob, startAwsWorld, READ_ROLE } from '../test/e2e/aws-setup.ts';
import type { Job } from '../test/harness/job.ts';
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

/** Which dist/ files one main step and its post load (a module-load hook, not a guess). */
async function loadedBytes(
  job: Job,
  inputs: Record<string, string>,
): Promise<{ main: number; post: number; files: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-load-'));
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    "import { registerHooks } from 'node:module';\nregisterHooks({ load(url, ctx, next) { const r = next(url, ctx); if (url.includes('/dist/')) process.stderr.write('LOADED ' + url.split('/dist/')[1] + '\\n'); return r; } });\n",
  );
  const env = { NODE_OPTIONS: `--import=${hook}` };
  const bytes = (stderr: string) => {
    const files = stderr
      .split('\n')
      .filter((l) => l.startsWith('LOADED '))
      .map((l) => l.slice(7));
    return {
      files: files.length,
      size: files.reduce((n, f) => n + statSync(path.join(REPO_ROOT, 'dist', f)).size, 0),
    };
  };
  const main = await job.runStep({ action: 'action.yml', id: 'load', inputs, env });
  const post = await job.runPost(main, { env });
  rmSync(dir, { recursive: true, force: true });
  const m = bytes(main.rawStderr);
  return { main: m.size, post: bytes(post.rawStderr).size, files: m.files };
}

export async function benchAws(): Promise<string> {
  let loaded: Awaited<ReturnType<typeof loadedBytes>>;
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

    // Every job starts with an empty RUNNER_TEMP, so its first step compiles the bundle afresh.
    const cold: Sample = {
      what: 'main, `run: true`, first step of a new job (no compile cache yet)',
      ms: [],
      rssKiB: [],
    };
    for (let i = 0; i < Math.min(RUNS, 11); i++) {
      const fresh = await awsJob(world);
      const step = await fresh.runStep({
        action: 'action.yml',
        id: 'cold',
        inputs: awsInputs({ run: 'true' }),
        env,
      });
      if (step.exitCode !== 0) throw new Error(`cold start failed: ${step.stderr}`);
      cold.ms.push(step.durationMs);
      cold.rssKiB.push(...probe.take());
      await fresh.cleanup();
    }
    samples.push(cold);

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
    loaded = await loadedBytes(job, awsInputs({ export: 'env' }));
    await job.cleanup();
  } finally {
    probe.dispose();
    await world.close();
  }
  const size = (f: string) => statSync(path.join(REPO_ROOT, 'dist', f)).size;
  const all = readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => f.endsWith('.js'));
  const total = all.reduce((n, f) => n + size(f), 0);
  const floorMs = median(samples[0]!.ms);
  return [
    '### AWS (main and post as whole processes)',
    '',
    TABLE_HEAD,
    tableRows(samples),
    '',
    `Floor ${floorMs.toFixed(0)} ms. dist/: ${(total / 1024).toFixed(0)} KiB of JavaScript in ${all.length} files (licenses aside); an AWS main step (\`export: env\`) loads ${loaded.files} of them, ${(loaded.main / 1024).toFixed(0)} KiB (the STS client is most of it), and its post step ${(loaded.post / 1024).toFixed(0)} KiB.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchAws());
}

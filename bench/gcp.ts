/**
 * Google Cloud path, whole processes: dist/main.js and dist/post.js run through the harness as
 * the runner runs them, against the OIDC issuer and the Google emulator on loopback, next to a
 * bare `node -e ''`. Median wall time and peak RSS of RUNS runs each, and the HTTP round trips
 * one issuance costs (measured at the emulator). Run alone: `node bench/gcp.ts` (after a build).
 */
import { spawnSync } from 'node:child_process';
import { Clock } from '../test/emulators/clock.ts';
import { startGoogleEmulator } from '../test/emulators/google/index.ts';
import { startOidcIssuer } from '../test/emulators/oidc.ts';
import { startGitHubApi } from '../test/emulators/github/index.ts';
import { createJob, type StepResult } from '../test/harness/job.ts';
import { nodeBinary } from '../test/harness/node.ts';
import { median, rssProbe, runs } from './measure.ts';

const RUNS = runs(Number(process.env['BENCH_RUNS'] ?? 15));
const SA = 'deploy@acme-site.iam.gserviceaccount.com';

interface Row {
  what: string;
  ms: number[];
  rssKiB: number[];
  roundTrips?: number[];
}

function row(r: Row): string {
  const rt = r.roundTrips ? String(median(r.roundTrips)) : '–';
  return `| ${r.what} | ${median(r.ms).toFixed(0)} | ${(median(r.rssKiB) / 1024).toFixed(1)} | ${rt} | ${r.ms.length} |`;
}

export async function benchGcp(): Promise<string> {
  const probe = rssProbe();
  const clock = new Clock();
  const oidc = await startOidcIssuer({ clock });
  // Every grant reads the repository's policy first: its REST API, with no policy on main.
  const github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  const google = await startGoogleEmulator({ clock, issuer: oidc.issuer });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  const rows: Row[] = [];
  try {
    const baseline: Row = { what: "`node -e ''`", ms: [], rssKiB: [] };
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      spawnSync(nodeBinary(), ['-e', ''], { env: { ...process.env, ...probe.env } });
      baseline.ms.push(performance.now() - t);
    }
    baseline.rssKiB = probe.take();
    rows.push(baseline);

    const cases: Array<{ what: string; inputs: Record<string, string> }> = [
      {
        what: 'gcp main, service account, `export: env`',
        inputs: { 'service-account': SA, export: 'env' },
      },
      { what: 'gcp main, direct federation, `export: outputs`', inputs: { export: 'outputs' } },
      {
        what: 'gcp main, service account + access boundary, `run: true`',
        inputs: {
          'service-account': SA,
          'access-boundary':
            '- bucket: site-assets\n  role: roles/storage.objectViewer\n  prefix: releases/',
          run: 'true',
        },
      },
    ];
    const post: Row = { what: 'gcp post (closes the `export: env` grant)', ms: [], rssKiB: [] };
    for (const c of cases) {
      const r: Row = { what: c.what, ms: [], rssKiB: [], roundTrips: [] };
      for (let i = 0; i < RUNS; i++) {
        const job = await createJob({
          idToken: oidc.forJob,
          env: { ...google.env, ...github.env, ...probe.env },
        });
        const before = google.requests.length;
        const main: StepResult = await job.runStep({
          entry: 'dist/main.js',
          id: 'auth',
          inputs: {
            provider: 'gcp',
            'oidc-issuer': oidc.issuer,
            'workload-identity-provider': google.provider,
            ...c.inputs,
          },
        });
        if (main.exitCode !== 0)
          throw new Error(`bench step failed: ${main.stdout}\n${main.stderr}`);
        r.ms.push(main.durationMs);
        r.roundTrips!.push(google.requests.length - before);
        r.rssKiB.push(...probe.take());
        if (c.inputs['export'] === 'env') {
          const p = await job.runPost(main, { entry: 'dist/post.js' });
          post.ms.push(p.durationMs);
          post.rssKiB.push(...probe.take());
        }
        await job.cleanup();
      }
      rows.push(r);
    }
    rows.push(post);
  } finally {
    await google.close();
    await github.close();
    await oidc.close();
    probe.dispose();
  }
  return rows.map(row).join('\n');
}

export const GCP_BENCH_HEADER =
  '| Google Cloud | median ms | peak RSS MiB | round trips to Google | runs |\n|---|---:|---:|---:|---:|';

if (import.meta.main) {
  console.log(`${GCP_BENCH_HEADER}\n${await benchGcp()}`);
}

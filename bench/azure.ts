/**
 * Azure path, whole processes: dist/main.js and dist/post.js run through the harness exactly as
 * the runner runs them, against the OIDC issuer and the Entra emulator (HTTPS, local CA) on
 * loopback, next to the `node -e ''` floor; plus round trips per issuance and, for reference,
 * azure/login's az sequence against the same emulator. Run alone with `node bench/azure.ts`
 * (after `npm run build`).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  azureInputs,
  azureJob,
  startAzureWorld,
  CLIENT,
  TENANT,
  SUBSCRIPTION,
  type AzureWorld,
} from '../test/e2e/azure-setup.ts';
import {
  floor,
  measureMain,
  median,
  RUNS,
  rssProbe,
  runs,
  tableRows,
  TABLE_HEAD,
  type Sample,
} from './measure.ts';

const run = promisify(execFile);

/** src/ is bundled (its imports end in .js), so the bench finds az on PATH by itself. */
function findAz(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    try {
      accessSync(path.join(dir, 'az'), constants.X_OK);
      return path.join(dir, 'az');
    } catch {
      // not here
    }
  }
  return undefined;
}

async function registerCloud(
  az: string,
  world: AzureWorld,
  configDir: string,
): Promise<Record<string, string>> {
  const env = {
    ...(process.env as Record<string, string>),
    AZURE_CONFIG_DIR: configDir,
    REQUESTS_CA_BUNDLE: world.entra.caPath,
  };
  await run(
    az,
    [
      'cloud',
      'register',
      '-n',
      'Emulated',
      '--endpoint-active-directory',
      `${world.entra.authority}/adfs`,
      '--endpoint-active-directory-resource-id',
      'https://management.core.windows.net/',
      '--endpoint-resource-manager',
      `${world.entra.armUrl}/`,
      '--endpoint-active-directory-graph-resource-id',
      'https://graph.windows.net/',
    ],
    { env },
  );
  await run(az, ['cloud', 'set', '-n', 'Emulated'], { env });
  return env;
}

export async function benchAzure(): Promise<string> {
  const world = await startAzureWorld();
  const probe = rssProbe();
  const samples: Sample[] = [floor(probe)];
  const az = findAz();
  const notes: string[] = [];
  try {
    const job = await azureJob(world);
    const env = probe.env;
    const cases: Array<{
      what: string;
      inputs: Record<string, string>;
      post?: boolean;
      runs?: number;
      needsAz?: boolean;
    }> = [
      {
        what: 'main, `run: true`, token only (issue, run, close)',
        inputs: azureInputs(world, { run: 'true' }),
      },
      {
        what: 'main, `export: env` (no az)',
        inputs: azureInputs(world, { export: 'env', 'az-login': 'false' }),
        post: true,
      },
      { what: 'main, `export: outputs`', inputs: azureInputs(world, { export: 'outputs' }) },
      {
        what: 'main, `run: true` with `az-login: true` (one az login in the grant dir)',
        inputs: azureInputs(world, { run: 'true', 'az-login': 'true' }),
        runs: 15,
        needsAz: true,
      },
    ];
    if (az) await registerCloud(az, world, path.join(job.home, '.azure'));
    const post: Sample = { what: 'post, closing one open grant', ms: [], rssKiB: [] };
    const idle: Sample = { what: 'post, nothing left to close', ms: [], rssKiB: [] };
    for (const c of cases) {
      if (c.needsAz && !az) {
        notes.push(`${c.what}: skipped, az is not installed.`);
        continue;
      }
      const entraBefore = world.entra.requests.length;
      const oidcBefore = world.oidc.requests.filter((r) => r.path.endsWith('/idtoken')).length;
      const n = runs(Math.max(15, Math.min(RUNS, c.runs ?? RUNS)));
      const s = await measureMain(job, c, n, probe, c.post ? { closing: post, idle } : undefined);
      const entra = (world.entra.requests.length - entraBefore) / n;
      const gh =
        (world.oidc.requests.filter((r) => r.path.endsWith('/idtoken')).length - oidcBefore) / n;
      s.note = `${gh} GitHub token${gh === 1 ? '' : 's'} + ${entra} Entra round trip${entra === 1 ? '' : 's'} per issuance`;
      samples.push(s);
    }
    samples.push(post, idle);

    const denied: Sample = {
      what: 'main, Entra denial (subject not trusted)',
      ms: [],
      rssKiB: [],
      note: 'fails at once, no retry',
    };
    world.oidc.setClaims({ environment: 'staging' });
    for (let i = 0; i < runs(15); i++) {
      const step = await job.runStep({
        action: 'action.yml',
        id: `d${i}`,
        inputs: azureInputs(world, { run: 'true' }),
        env,
      });
      if (step.exitCode !== 1) throw new Error('the denial case was not denied');
      denied.ms.push(step.durationMs);
      denied.rssKiB.push(...probe.take());
    }
    world.oidc.setClaims({ environment: undefined });
    samples.push(denied);
    await job.cleanup();

    if (az) samples.push(await peerSequence(az, world));
  } finally {
    probe.dispose();
    await world.close();
  }
  return [
    '### Azure (main and post as whole processes)',
    '',
    TABLE_HEAD,
    tableRows(samples),
    '',
    `Floor ${median(samples[0]!.ms).toFixed(0)} ms.${notes.length ? ' ' + notes.join(' ') : ''}`,
  ].join('\n');
}

/** azure/login's sequence (az version, cloud set, login, account set) in a fresh config dir each time. */
async function peerSequence(az: string, world: AzureWorld): Promise<Sample> {
  const s: Sample = {
    what: "reference: azure/login's az sequence, fresh config dir (4 az processes)",
    ms: [],
    rssKiB: [],
    note: `${runs(5)} runs; az is Python, RSS not probed`,
  };
  for (let i = 0; i < runs(5); i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'peer-az-'));
    const env = await registerCloud(az, world, dir);
    const jwt = await world.oidc.mint({}, { audience: 'api://AzureADTokenExchange' });
    const t0 = performance.now();
    await run(az, ['version'], { env });
    await run(az, ['cloud', 'set', '-n', 'Emulated'], { env });
    await run(
      az,
      [
        'login',
        '--service-principal',
        '-u',
        CLIENT,
        '-t',
        TENANT,
        '--federated-token',
        jwt,
        '--allow-no-subscriptions',
        '-o',
        'none',
      ],
      { env },
    );
    await run(az, ['account', 'set', '-s', SUBSCRIPTION], { env });
    s.ms.push(performance.now() - t0);
    rmSync(dir, { recursive: true, force: true });
  }
  return s;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchAzure());
}

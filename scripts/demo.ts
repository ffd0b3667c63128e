/**
 * `npm run demo`: one job, run the way the runner runs it, against the bundled local emulators
 * (a GitHub OIDC issuer, AWS STS + S3 + IAM, Entra ID over HTTPS, Google STS + IAM Credentials +
 * Cloud Storage). It issues,
 * uses and closes grants through the committed dist/ bundles and prints the job summary a
 * reviewer would read. With DEMO_SUMMARY_FILE set, it also writes the summary's Markdown there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { awsInputs, awsJob, REVOKER_ROLE, startAwsWorld, USE_AWS } from '../test/e2e/aws-setup.ts';
import { CLIENT, SUBSCRIPTION, TENANT } from '../test/e2e/azure-setup.ts';
import { startEntra } from '../test/emulators/entra/index.ts';
import { startGoogleEmulator } from '../test/emulators/google/index.ts';
import { REPO_ROOT } from '../test/harness/node.ts';
import type { StepResult } from '../test/harness/job.ts';

if (!existsSync(path.join(REPO_ROOT, 'dist/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const say = (s: string) => console.log(`\n${bold(`▶ ${s}`)}`);
function show(step: StepResult): void {
  const lines = step.stdout
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
  for (const l of lines) console.log(`  │ ${l}`);
  console.log(
    `  └ exit ${step.exitCode}${step.outputs['grant-id'] ? `, grant ${step.outputs['grant-id']}` : ''}`,
  );
}

const world = await startAwsWorld();
const SA = 'deploy@acme-site.iam.gserviceaccount.com';
const google = await startGoogleEmulator({ clock: world.clock, issuer: world.oidc.issuer });
google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
google.storage.bindings.push({
  member: `serviceAccount:${SA}`,
  bucket: 'site-assets',
  role: 'roles/storage.objectAdmin',
});
google.storage.put('site-assets', 'releases/v1.txt', 'release one');

const entra = await startEntra({ clock: world.clock });
entra.register({
  tenantId: TENANT,
  clientId: CLIENT,
  issuer: world.oidc.issuer,
  subject: world.oidc.claims().sub,
  subscriptions: [SUBSCRIPTION],
});

const job = await awsJob(world);
try {
  say('AWS, run: — the credential exists only inside the command, closed in the same step');
  const deploy = await job.runStep({
    action: 'action.yml',
    id: 'deploy',
    inputs: awsInputs({
      duration: '5m',
      'session-policy': JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:PutObject', 's3:GetObject', 'sts:GetCallerIdentity'],
            Resource: '*',
          },
        ],
      }),
      run: USE_AWS,
    }),
  });
  show(deploy);

  say(
    'AWS, export: env with revoke-role — a later step uses it, then actions/revoke revokes it and proves AWS refuses it',
  );
  const creds = await job.runStep({
    action: 'action.yml',
    id: 'creds',
    inputs: awsInputs({ export: 'env', duration: '10m', 'revoke-role': REVOKER_ROLE }),
  });
  show(creds);
  show(await job.runStep({ entry: 'test/e2e/fixtures/aws-use.mjs', id: 'terraform' }));
  show(
    await job.runStep({
      action: 'actions/revoke/action.yml',
      id: 'revoke',
      inputs: { 'grant-id': creds.outputs['grant-id']! },
    }),
  );

  say('Google Cloud, run: — a service-account token bounded to 10 minutes');
  const gcp = await job.runStep({
    action: 'action.yml',
    id: 'publish',
    env: { ...google.env },
    inputs: {
      provider: 'gcp',
      'oidc-issuer': world.oidc.issuer,
      'workload-identity-provider': google.provider,
      'service-account': SA,
      duration: '10m',
      run: 'echo "token for $CLOUDSDK_CORE_PROJECT is in CLOUDSDK_AUTH_ACCESS_TOKEN (${#CLOUDSDK_AUTH_ACCESS_TOKEN} characters, masked)"',
    },
  });
  show(gcp);

  say('Azure, run: — an Entra ID token for one command (the emulator is HTTPS with a local CA)');
  const azure = await job.runStep({
    action: 'action.yml',
    id: 'azure',
    env: { NODE_EXTRA_CA_CERTS: entra.caPath },
    inputs: {
      provider: 'azure',
      'oidc-issuer': world.oidc.issuer,
      'client-id': CLIENT,
      'tenant-id': TENANT,
      'subscription-id': SUBSCRIPTION,
      authority: entra.authority,
      scope: 'https://management.azure.com/.default',
      'az-login': 'false',
      run: 'echo "token for client $AZURE_CLIENT_ID is in AZURE_ACCESS_TOKEN (${#AZURE_ACCESS_TOKEN} characters, masked)"',
    },
  });
  show(azure);

  say('AWS, export: outputs — left open on purpose: the post step closes it at the end of the job');
  const report = await job.runStep({
    action: 'action.yml',
    id: 'report',
    inputs: awsInputs({ export: 'outputs' }),
  });
  show(report);

  say('AWS, a workflow the role does not trust — refused at once, with the claims to fix');
  show(
    await job.runStep({
      action: 'action.yml',
      id: 'denied',
      inputs: { ...awsInputs({ run: 'true' }), role: 'arn:aws:iam::123456789012:role/read' },
    }),
  );

  say('End of job: post steps (last registered first)');
  for (const main of [report, azure, gcp, creds, deploy]) show(await job.runPost(main));

  say('The job summary, as a reviewer reads it');
  // `npm run summary:png` renders the summary itself, as GitHub shows it.
  const summaryFile = process.env['DEMO_SUMMARY_FILE'];
  if (summaryFile) writeFileSync(summaryFile, job.steps.map((s) => s.summary.trim()).join('\n\n'));
  // Each grant's full record is a collapsed <details> block on GitHub; the terminal shows one line for it.
  for (const s of job.steps) {
    const text = s.summary
      .trim()
      .replace(/<details><summary>(.*?)<\/summary>[\s\S]*?<\/details>/g, '▸ $1 (collapsed)');
    if (text) console.log(`\n${text}`);
  }

  say("The trail: this job's ledger through `jit-credentials trail` (anomalies first)");
  const ledger = job.steps.map((s) => s.outputs['ledger']).find(Boolean);
  if (ledger) {
    const trail = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'dist/cli.js'), 'trail', ledger],
      {
        encoding: 'utf8',
      },
    );
    console.log(trail.stdout || trail.stderr);
    if (process.env['DEMO_KEEP_LEDGER'])
      writeFileSync(process.env['DEMO_KEEP_LEDGER'], readFileSync(ledger));
  }
} finally {
  await job.cleanup();
  await google.close();
  await entra.close();
  await world.close();
}

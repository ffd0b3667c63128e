/**
 * What an earlier step of the job (same user) can plant in RUNNER_TEMP, and what a branch name
 * can put into the job summary, through the built dist/ against the emulators.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJob, type Job } from '../harness/job.ts';
import type { JobClaimsInput } from '../emulators/oidc.ts';
import { renderGfm, tableRows, tagsOf, textOf } from '../runner/gfm.ts';
import {
  awsInputs,
  awsJob,
  errorsOf,
  ledgerEvents,
  stsCalls as stsCallsOf,
  READ_ROLE,
  startAwsWorld,
  USE_AWS,
  type AwsWorld,
} from './aws-setup.ts';

let world: AwsWorld;
beforeAll(async () => {
  world = await startAwsWorld();
});
afterAll(async () => {
  await world?.close();
});
beforeEach(() => world.oidc.resetClaims());

const stsCalls = () => stsCallsOf(world);
const mode = (p: string) => statSync(p).mode & 0o777;
const privateDir = (job: Job) => path.join(job.runnerTemp, 'jit-credentials');

/** Everything under a directory, relative paths. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('RUNNER_TEMP/jit-credentials planted by an earlier step', () => {
  it('a symlink into the workspace: refused before any token is asked for, nothing lands there', async () => {
    const job = await awsJob(world);
    const trap = path.join(job.workspace, 'collected');
    mkdirSync(trap, { mode: 0o700 });
    symlinkSync(trap, privateDir(job));
    const sts = stsCalls();
    const oidc = world.oidc.requests.length;
    const step = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(tree(trap)).toEqual([]);
    expect(step.exitCode).toBe(1);
    const error = errorsOf(step);
    expect(error).toContain(`Refusing to use ${privateDir(job)}: it is a symbolic link`);
    expect(error).toContain('The job may be compromised');
    expect(stsCalls() - sts).toBe(0);
    expect(world.oidc.requests.length - oidc).toBe(0);
    expect(step.envWrites).toEqual({});
    expect(step.outputs).toEqual({});
    expect(lstatSync(privateDir(job)).isSymbolicLink()).toBe(true);
    await job.cleanup();
  });

  it('a world-writable directory is tightened to 0700 before anything is written', async () => {
    const job = await awsJob(world);
    mkdirSync(privateDir(job));
    chmodSync(privateDir(job), 0o777);
    const step = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(mode(privateDir(job))).toBe(0o700);
    expect(mode(step.outputs['ledger']!)).toBe(0o600);
    const grantDir = path.dirname(step.envWrites['AWS_SHARED_CREDENTIALS_FILE']!);
    expect(path.dirname(grantDir)).toBe(privateDir(job));
    expect(mode(grantDir)).toBe(0o700);
    expect(mode(step.envWrites['AWS_SHARED_CREDENTIALS_FILE']!)).toBe(0o600);
    await job.runPost(step);
    await job.cleanup();
  });

  it('a fresh job: the first grant makes the directory 0700, the second its compile cache', async () => {
    const job = await awsJob(world);
    const grant = (id: string) =>
      job.runStep({ action: 'action.yml', id, inputs: awsInputs({ run: 'true' }) });
    const first = await grant('first');
    expect(first.exitCode, errorsOf(first)).toBe(0);
    expect(mode(privateDir(job))).toBe(0o700);
    const second = await grant('second');
    expect(second.exitCode, errorsOf(second)).toBe(0);
    expect(mode(path.join(privateDir(job), 'compile-cache'))).toBe(0o700);
    await job.cleanup();
  });

  it('a symlinked compile cache is not followed', async () => {
    const job = await awsJob(world);
    const trap = path.join(job.workspace, 'cache');
    mkdirSync(trap);
    mkdirSync(privateDir(job), { mode: 0o700 });
    symlinkSync(trap, path.join(privateDir(job), 'compile-cache'));
    const step = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ run: 'true' }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    const post = await job.runPost(step);
    expect(post.exitCode, errorsOf(post)).toBe(0);
    expect(tree(trap)).toEqual([]);
    await job.cleanup();
  });
});

describe('a branch name written to be rendered', () => {
  const BRANCH = 'refs/heads/<h1>x</h1>|`y`<!--';
  const context: JobClaimsInput = { ref: BRANCH };
  const hostileJob = () =>
    createJob({
      idToken: world.oidc.forJob,
      context,
      env: {
        ...world.github.env,
        AWS_ENDPOINT_URL: world.aws.url,
        AWS_ENDPOINT_URL_STS: world.aws.url,
        JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '1000',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });

  /** The summary as GitHub would show it: no element a value brought in, tables intact. */
  function rendered(summary: string) {
    const html = renderGfm(summary);
    const foreign = [...tagsOf(html)].filter(
      (t) =>
        ![
          'h3',
          'p',
          'strong',
          'table',
          'thead',
          'tbody',
          'tr',
          'th',
          'td',
          'code',
          'details',
          'summary',
          'ul',
          'li',
          'pre',
        ].includes(t),
    );
    expect(foreign).toEqual([]);
    expect(html).not.toContain('<!--');
    const rows = tableRows(html);
    for (const row of rows) expect(row).toHaveLength(6);
    return { html, rows };
  }

  it('an issued grant shows the ref claim as text, whole', async () => {
    world.oidc.setClaims(context);
    const job = await hostileJob();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ run: USE_AWS }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    const issued = ledgerEvents(step).find((e) => e['phase'] === 'issued')!;
    expect((issued['claims'] as Record<string, string>)['ref']).toBe(BRANCH);
    const { html } = rendered(step.summary);
    expect(textOf(html)).toContain(`ref=${BRANCH}`);
    expect(textOf(html)).toContain(`sub=repo:acme/site:ref:${BRANCH}`);
    await job.cleanup();
  });

  it('a refusal that quotes the claims keeps them inside their cell', async () => {
    world.oidc.setClaims(context);
    const job = await hostileJob();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'denied',
      inputs: { ...awsInputs({ run: 'true' }), role: READ_ROLE },
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toContain(BRANCH);
    const { rows } = rendered(step.summary);
    expect(rows).toHaveLength(2);
    expect(textOf(rows[1]![5]!)).toContain(`sub="repo:acme/site:ref:${BRANCH}"`);
    await job.cleanup();
  });
});

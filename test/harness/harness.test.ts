import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { createJob, inputVariable, type Job } from './job.ts';
import { findLeaks, jobChannels } from './canary.ts';

const FIX = 'test/harness/fixtures';
const jobs: Job[] = [];
async function job(options: Parameters<typeof createJob>[0] = {}): Promise<Job> {
  const j = await createJob(options);
  jobs.push(j);
  return j;
}
afterEach(async () => {
  await Promise.all(jobs.splice(0).map((j) => j.cleanup()));
});

describe('inputs', () => {
  it.each([
    ['role-to-assume', 'INPUT_ROLE-TO-ASSUME'],
    ['session name', 'INPUT_SESSION_NAME'],
    ['aws_region', 'INPUT_AWS_REGION'],
  ])('%s → %s', (name, variable) => {
    expect(inputVariable(name)).toBe(variable);
  });

  it('arrive under the names @actions/core reads', async () => {
    const j = await job();
    const r = await j.runStep({
      entry: `${FIX}/inputs-outputs.mjs`,
      id: 'creds',
      inputs: { 'role-to-assume': 'arn:aws:iam::1:role/x', 'session name': 'sess 1' },
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.role).toBe('arn:aws:iam::1:role/x');
    expect(r.stdout).toContain('spaced=sess 1');
    expect(r.processEnv['GITHUB_ACTION']).toBe('creds');
  });

  it('a missing required input fails the step with @actions/core’s message', async () => {
    const j = await job();
    const r = await j.runStep({ entry: `${FIX}/inputs-outputs.mjs` });
    expect(r.exitCode).not.toBe(0);
    expect(r.rawStderr + r.rawStdout).toContain('Input required and not supplied: role-to-assume');
  });
});

describe('file commands', () => {
  it('parses outputs, state, env heredocs, path and summary', async () => {
    const j = await job();
    const r = await j.runStep({
      entry: `${FIX}/inputs-outputs.mjs`,
      inputs: { 'role-to-assume': 'r1' },
    });
    expect(r.fileCommandErrors).toEqual([]);
    expect(r.outputs.multi).toBe('line one\nline two=with equals\n');
    expect(r.state).toEqual({ 'grant-id': 'g-2' });
    expect(r.envWrites.MULTI_ENV).toBe('a\nb<<c');
    expect(r.envWrites.FROM_STEP).toBe('role=r1');
    expect(r.paths).toEqual(['/opt/fixture/bin']);
    expect(r.summary).toContain('<h1>Fixture</h1>');
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: 'a warning, with: punctuation',
        properties: expect.objectContaining({ file: 'action.yml', line: '3' }),
      }),
    );
  });

  it('propagates GITHUB_ENV and GITHUB_PATH to later steps, but not GITHUB_* overrides', async () => {
    const j = await job({ context: { repository: 'acme/site' } });
    await j.runStep({ entry: `${FIX}/inputs-outputs.mjs`, inputs: { 'role-to-assume': 'r1' } });
    const r = await j.runStep({
      entry: `${FIX}/print-env.mjs`,
      inputs: { names: 'FROM_STEP,MULTI_ENV,GITHUB_REPOSITORY,PATH' },
    });
    const seen = JSON.parse(r.stdout.trim()) as Record<string, string>;
    expect(seen.FROM_STEP).toBe('role=r1');
    expect(seen.MULTI_ENV).toBe('a\nb<<c');
    expect(seen.GITHUB_REPOSITORY).toBe('acme/site');
    expect(seen.PATH!.split(':')[0]).toBe('/opt/fixture/bin');
    expect(j.steps[0]!.ignoredEnv).toEqual(['GITHUB_REPOSITORY']);
    expect(j.env.FROM_STEP).toBe('role=r1');
  });

  it('job-level env beats GITHUB_ENV, step env beats both, and the base env is minimal', async () => {
    process.env['JIT_HARNESS_LEAK_CHECK'] = 'from-the-test-process';
    try {
      const j = await job({ env: { FROM_STEP: 'job-level' } });
      await j.runStep({ entry: `${FIX}/inputs-outputs.mjs`, inputs: { 'role-to-assume': 'r1' } });
      const a = await j.runStep({
        entry: `${FIX}/print-env.mjs`,
        inputs: { names: 'FROM_STEP,JIT_HARNESS_LEAK_CHECK,ACTIONS_ID_TOKEN_REQUEST_URL' },
      });
      expect(JSON.parse(a.stdout)).toEqual({
        FROM_STEP: 'job-level',
        JIT_HARNESS_LEAK_CHECK: null,
        ACTIONS_ID_TOKEN_REQUEST_URL: null,
      });
      const b = await j.runStep({
        entry: `${FIX}/print-env.mjs`,
        inputs: { names: 'FROM_STEP' },
        env: { FROM_STEP: 'step-level' },
      });
      expect(JSON.parse(b.stdout)).toEqual({ FROM_STEP: 'step-level' });
    } finally {
      delete process.env['JIT_HARNESS_LEAK_CHECK'];
    }
  });

  it('gives each step fresh file-command files', async () => {
    const j = await job();
    const a = await j.runStep({
      entry: `${FIX}/inputs-outputs.mjs`,
      inputs: { 'role-to-assume': 'r1' },
    });
    const b = await j.runStep({ entry: `${FIX}/print-env.mjs`, inputs: { names: 'X' } });
    expect(b.outputs).toEqual({});
    expect(b.state).toEqual({});
    expect(b.processEnv['GITHUB_OUTPUT']).not.toBe(a.processEnv['GITHUB_OUTPUT']);
  });
});

describe('post', () => {
  it('receives STATE_ from its main step and the same inputs and id', async () => {
    const j = await job();
    const main = await j.runStep({
      entry: `${FIX}/inputs-outputs.mjs`,
      id: 'creds',
      inputs: { 'role-to-assume': 'role-a' },
    });
    const post = await j.runPost(main, { entry: `${FIX}/post-state.mjs` });
    expect(post.phase).toBe('post');
    expect(post.processEnv['GITHUB_ACTION']).toBe('creds');
    expect(JSON.parse(post.stdout)).toEqual({ grantId: 'g-6', role: 'role-a', isPost: null });
  });

  it('runs runs.main and runs.post from an action.yml, with its input defaults', async () => {
    const dir = await job();
    const { writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const yml = path.join(dir.root, 'action.yml');
    const abs = (f: string) => path.resolve(import.meta.dirname, 'fixtures', f);
    await writeFile(
      yml,
      `name: t\ninputs:\n  role-to-assume:\n    default: from-default\n  token:\n    default: \${{ github.token }}\nruns:\n  using: node24\n  main: ${abs('inputs-outputs.mjs')}\n  post: ${abs('post-state.mjs')}\n`,
    );
    const main = await dir.runStep({ action: yml });
    expect(main.outputs.role).toBe('from-default');
    expect(main.processEnv['INPUT_TOKEN']).toBeUndefined();
    const post = await dir.runPost(main);
    expect(JSON.parse(post.stdout)).toMatchObject({ grantId: 'g-12', role: 'from-default' });
  });
});

describe('masking', () => {
  const secret = 'S3cr3t-VALUE-42xyz';

  it('applies from the add-mask line on, not before, on both streams, in the summary and annotations', async () => {
    const j = await job();
    const r = await j.runStep({ entry: `${FIX}/mask.mjs`, inputs: { secret } });
    expect(r.masks).toEqual([secret]);
    expect(r.stdout).toContain(`before: ${secret}`);
    expect(r.stdout).toContain('after: ***');
    expect(r.stdout).toContain('::add-mask::***');
    expect(r.stdout).not.toMatch(/after: S3cr3t/);
    expect(r.stdout).toContain('base64 after: ***');
    expect(r.stderr).toContain('stderr after: ***');
    expect(r.summary).toContain('summary has ***');
    expect(r.rawSummary).toContain(secret);
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'failed for ***' }),
    );
    expect(r.rawStdout).toContain(`after: ${secret}`);
  });

  it('keeps masks for later steps of the job, and masks the request token from the start', async () => {
    const j = await job({
      idToken: { url: 'http://127.0.0.1:9/x?api-version=2.0', token: 'request-token-abcdef' },
    });
    await j.runStep({ entry: `${FIX}/mask.mjs`, inputs: { secret } });
    const r = await j.runStep({
      entry: `${FIX}/print-env.mjs`,
      inputs: { names: 'LATER,ACTIONS_ID_TOKEN_REQUEST_TOKEN' },
      env: { LATER: secret },
    });
    expect(JSON.parse(r.stdout)).toEqual({ LATER: '***', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '***' });
    expect(r.masks).toEqual([]);
    expect(r.rawStdout).toContain('request-token-abcdef');
  });
});

describe('cancel', () => {
  // Cancels wait for the step's own readiness signal (printed after its handlers are installed),
  // never for a time: on a busy machine the fixture can need a second just to start.
  it('cancelOn a stdout line sends SIGINT once the step has its handler', async () => {
    const j = await job();
    const r = await j.runStep({ entry: `${FIX}/cancel.mjs`, cancelOn: { stdout: 'ready' } });
    expect(r.cancelled).toBe(true);
    expect(r.timedOut).toBe(false);
    expect(r.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(r.stdout).toContain('got SIGINT');
    expect(r.exitCode).toBe(130);
  });

  it('follows with SIGTERM after the grace period when SIGINT is ignored', async () => {
    const j = await job({ cancelGraceMs: 400 });
    const r = await j.runStep({
      entry: `${FIX}/cancel.mjs`,
      inputs: { 'ignore-sigint': 'true' },
      cancelOn: { stdout: /^rea/ },
    });
    expect(r.signalsSent.map((s) => s.signal)).toEqual(['SIGINT', 'SIGTERM']);
    // A timer never fires early: the gap is the grace period at least, less millisecond rounding.
    expect(r.signalsSent[1]!.atMs - r.signalsSent[0]!.atMs).toBeGreaterThanOrEqual(390);
    expect(r.stdout).toContain('got SIGINT');
    expect(r.stdout).toContain('got SIGTERM');
    expect(r.exitCode).toBe(143);
  });

  it('cancelOn a file cancels once the step has created it', async () => {
    const j = await job();
    const file = `${j.root}/ready`;
    const r = await j.runStep({
      entry: `${FIX}/cancel.mjs`,
      inputs: { 'ready-file': file },
      cancelOn: { file },
    });
    expect(r.cancelled).toBe(true);
    expect(r.stdout).toContain('got SIGINT');
    expect(r.exitCode).toBe(130);
  });

  it('a ready line that never comes leaves the step to its timeout, not cancelled', async () => {
    const j = await job();
    const r = await j.runStep({
      entry: `${FIX}/wait.mjs`,
      cancelOn: { stdout: 'ready' },
      timeoutMs: 300,
    });
    expect(r.cancelled).toBe(false);
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGINT');
  });

  // The timed paths use a step without handlers: SIGINT ends it whenever it arrives.
  it('cancelAfterMs cancels at a fixed time, whatever the step is doing', async () => {
    const j = await job();
    const r = await j.runStep({ entry: `${FIX}/wait.mjs`, cancelAfterMs: 200 });
    expect(r.cancelled).toBe(true);
    expect(r.timedOut).toBe(false);
    expect(r.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(r.signalsSent[0]!.atMs).toBeGreaterThanOrEqual(190);
    expect(r.signal).toBe('SIGINT');
    expect(r.exitCode).toBeNull();
  });

  it('times out with the same sequence', async () => {
    const j = await job({ cancelGraceMs: 200 });
    const r = await j.runStep({ entry: `${FIX}/wait.mjs`, timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.cancelled).toBe(false);
    expect(r.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(r.signal).toBe('SIGINT');
  });
});

describe('with the OIDC emulator', () => {
  const clock = new Clock();
  let oidc: OidcIssuer;
  beforeAll(async () => {
    oidc = await startOidcIssuer({ clock, claims: { environment: 'prod' } });
  });
  afterAll(async () => {
    await oidc.close();
  });

  it('@actions/core gets a token through ACTIONS_ID_TOKEN_REQUEST_*, and the canary sees it only in the mask channel', async () => {
    const j = await job({ idToken: oidc.forJob });
    const r = await j.runStep({
      entry: `${FIX}/id-token.mjs`,
      inputs: { audience: 'sts.amazonaws.com' },
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({
      sub: 'repo:acme/site:environment:prod',
      aud: 'sts.amazonaws.com',
      repository: 'acme/site',
    });
    const token = oidc.issued.at(-1)!;
    expect(r.masks).toEqual([token]);
    expect(r.rawStdout).toContain(token); // the ::add-mask:: line itself
    const leaks = findLeaks([token, oidc.requestToken], await jobChannels(j));
    expect(leaks).toEqual([]);
  });

  it('without idToken the variables are absent and @actions/core fails as on a runner', async () => {
    const j = await job();
    const r = await j.runStep({ entry: `${FIX}/id-token.mjs` });
    expect(r.exitCode).toBe(1);
    expect(r.annotations[0]!.message).toContain('Unable to get ACTIONS_ID_TOKEN_REQUEST_');
  });
});

describe('runPost without a post script', () => {
  it('refuses to guess, instead of running main again', async () => {
    const j = await job();
    const main = await j.runStep({ entry: `${FIX}/print-env.mjs`, inputs: { names: 'X' } });
    await expect(j.runPost(main)).rejects.toThrow(/say which post script to run/);
    expect(j.steps).toHaveLength(1);
  });
});

describe('a missing entry', () => {
  it('says what to do instead of running node on nothing', async () => {
    const j = await job();
    await expect(j.runStep({ entry: 'dist/no-such-entry.js' })).rejects.toThrow(
      /does not exist .*npm run build/,
    );
  });
});

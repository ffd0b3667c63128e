import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import {
  awsInputs,
  awsJob,
  issuedSecrets,
  ledgerEvents,
  s3GetWith,
  startAwsWorld,
  toolResult,
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

describe('AWS, run: delivery', () => {
  it('issues, runs the command with the credential, closes in the same step, and AWS refuses it after the window', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: awsInputs({ duration: '5m', run: USE_AWS }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const tool = toolResult(main);
    expect(tool['identity']).toMatch(
      /^arn:aws:sts::123456789012:assumed-role\/deploy\/gh\.\d+\.\d+\.deploy\.deploy\.[0-9a-f]{10}$/,
    );
    expect(tool['identity']).toContain(main.outputs['grant-id']!.slice(4));
    expect(tool['put']).toBe('ok');
    expect(tool['get']).toBe('hello');
    // The command could not mint OIDC tokens of its own.
    expect(tool['oidcRequestVisible']).toBe(false);
    expect(tool['inputsVisible']).toBe(false);

    // Closed in the same step: its private directory is gone and the ledger says so.
    expect(tool['configFile']).toMatch(/jit-credentials\/aws-[0-9a-f]{10}\/credentials$/);
    expect(existsSync(tool['configFile'] as string)).toBe(false);
    const phases = ledgerEvents(main).map((e) => e['phase']);
    expect(phases).toEqual(['requested', 'allowed', 'issued', 'delivered', 'used', 'closed']);
    const closed = ledgerEvents(main).at(-1)!;
    expect(closed).toMatchObject({ method: 'expires', verified: false });
    // And in the step's log, after the command's output: no other step writes there.
    expect(main.stdout).toContain(`Closed grant ${main.outputs['grant-id']!} (aws): expires.`);

    // Outputs and summary.
    expect(main.outputs['grant-id']).toMatch(/^aws-[0-9a-f]{10}$/);
    expect(main.outputs['principal']).toBe(tool['identity']);
    // The window is 5 minutes by the action's own clock, from the moment it asked STS: between
    // the times it recorded for the request and the issue (the emulator's clock is another one).
    const expiresAt = Date.parse(main.outputs['expires-at']!);
    const at = (phase: string) =>
      Date.parse(ledgerEvents(main).find((e) => e['phase'] === phase)!['time'] as string);
    expect(expiresAt - 300_000).toBeGreaterThanOrEqual(at('requested'));
    expect(expiresAt - 300_000).toBeLessThanOrEqual(at('issued'));
    const issuedAt = world.aws.issued.at(-1)!.issuedAt.getTime();
    expect(main.summary).toMatch(/1 grant: 1 closed on the runner, expires \d\d:\d\d:\d\dZ/);
    expect(main.summary).toContain('run (exit 0)');
    expect(main.envWrites).toEqual({});

    // STS issued 15 minutes (its minimum); the session policy makes AWS refuse it after 5.
    expect(world.aws.issued.at(-1)!.expiration.getTime() - issuedAt).toBe(900_000);
    expect(await s3GetWith(world)).toBe('allowed');
    // Around the end the action recorded, whatever time the machine took to get here: allowed a
    // second before it, refused a second after. Nothing is written to the cloud after the jump,
    // so later tests can have the clock back.
    const before = world.clock.now();
    onTestFinished(() => world.clock.set(before));
    world.clock.advanceTo(main.outputs['expires-at']!, -1);
    expect(await s3GetWith(world)).toBe('allowed');
    world.clock.advanceTo(main.outputs['expires-at']!, 1);
    expect(await s3GetWith(world)).toMatch(/^AccessDenied: .*explicit deny in a session policy/);

    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('no open grants left to close');
    expect(post.summary).toBe('');

    const leaks = findLeaks(issuedSecrets(world), await jobChannels(job));
    expect(leaks).toEqual([]);
    await job.cleanup();
  });

  it('passes the exit code through and still closes', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'fails',
      inputs: awsInputs({ run: 'exit 7' }),
    });
    expect(main.exitCode).toBe(7);
    expect(main.annotations.map((a) => a.message).join('\n')).toContain(
      'exited with code 7; the grant is closed',
    );
    expect(ledgerEvents(main).at(-1)).toMatchObject({ phase: 'closed' });
    await job.cleanup();
  });

  it('runs the command in working-directory, relative to the workspace', async () => {
    const job = await awsJob(world);
    mkdirSync(path.join(job.workspace, 'site'));
    const main = await job.runStep({
      action: 'action.yml',
      id: 'cwd',
      inputs: awsInputs({ run: 'echo "CWD=$PWD"', 'working-directory': 'site' }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    expect(main.stdout).toContain(`CWD=${path.join(job.workspace, 'site')}`);
    await job.cleanup();
  });

  it('passes a signal through as 128 + its number', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'killed',
      inputs: awsInputs({ run: 'kill -TERM $$' }),
    });
    expect(main.exitCode).toBe(143);
    expect(ledgerEvents(main).at(-1)).toMatchObject({ phase: 'closed' });
    await job.cleanup();
  });

  it('on cancel, stops the command and closes the grant before exiting', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'cancelled',
      inputs: awsInputs({
        run: 'trap "exit 130" INT; echo started; while true; do sleep 0.05; done',
      }),
      // The command prints `started` after its trap is set, and the action forwards signals from
      // the moment it spawned it: cancelling then tests the forwarding, not the start-up time.
      cancelOn: { stdout: 'started' },
    });
    expect(main.cancelled).toBe(true);
    expect(main.stdout).toContain('started');
    // Closed within the runner's grace: SIGINT was enough, and the command's exit code came through.
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(main.exitCode).toBe(130);
    expect(ledgerEvents(main).map((e) => e['phase'])).toEqual([
      'requested',
      'allowed',
      'issued',
      'delivered',
      'used',
      'closed',
    ]);
    await job.cleanup();
  });

  it('a crash of the main step after issuance is closed by the post step', async () => {
    const job = await awsJob(world);
    // The command kills the action's own process: issued and delivered, never closed by main.
    const main = await job.runStep({
      action: 'action.yml',
      id: 'crash',
      // SIGKILL is pending on the action before `kill` returns: it cannot see the command end.
      inputs: awsInputs({ run: 'kill -KILL $PPID' }),
    });
    expect(main.signal ?? main.exitCode).toBeTruthy();
    expect(ledgerEvents(main).map((e) => e['phase'])).toEqual([
      'requested',
      'allowed',
      'issued',
      'delivered',
    ]);
    const dir = ledgerEvents(main).find((e) => e['phase'] === 'issued')!['dir'] as string;
    expect(existsSync(`${dir}/credentials`)).toBe(true);
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(existsSync(dir)).toBe(false);
    expect(ledgerEvents(main).at(-1)).toMatchObject({ phase: 'closed', method: 'expires' });
    expect(post.summary).toContain('end of job');
    expect(post.summary).toMatch(/1 closed on the runner, expires/);
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });
});

describe('AWS, export: env', () => {
  it('reaches later steps until actions/revoke empties it; post closes it again and shows what it found', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env', duration: '10m' }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(Object.keys(main.envWrites).sort()).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_CONFIG_FILE',
      'AWS_DEFAULT_REGION',
      'AWS_REGION',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_SHARED_CREDENTIALS_FILE',
    ]);
    // Masked before written: every secret was registered before the env file got it.
    const issued = world.aws.issued.at(-1)!;
    expect(main.masks).toEqual(
      expect.arrayContaining([issued.secretAccessKey, issued.sessionToken]),
    );

    const use = await job.runStep({ entry: 'test/e2e/fixtures/aws-use.mjs', id: 'use' });
    expect(toolResult(use)['put']).toBe('ok');

    const revoke = await job.runStep({
      action: 'actions/revoke/action.yml',
      id: 'revoke',
      inputs: { 'grant-id': main.outputs['grant-id']! },
    });
    expect(revoke.exitCode).toBe(0);
    expect(revoke.outputs['closed']).toBe(main.outputs['grant-id']);
    for (const name of Object.keys(main.envWrites)) expect(job.env[name]).toBe('');
    expect(revoke.summary).toMatch(/1 closed on the runner, expires/);

    const after = await job.runStep({ entry: 'test/e2e/fixtures/aws-use.mjs', id: 'after' });
    expect(toolResult(after)['put']).toMatchObject({ error: expect.any(String) });

    // A second close of the same grant is a no-op, not an error.
    const again = await job.runStep({
      action: 'actions/revoke/action.yml',
      id: 'again',
      inputs: { 'grant-id': main.outputs['grant-id']! },
    });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['closed']).toBe('');
    // Post closes it again and shows its own grant whatever the ledger says (a `closed` line
    // could be forged): the block says what post itself found.
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.summary).toMatch(/1 grant: 1 closed on the runner, expires/);

    const found = findLeaks(issuedSecrets(world), await jobChannels(job));
    // The canary does see the secrets where this mode puts them, and nowhere else.
    expect(found.some((l) => l.channel === 'main:creds:envWrites')).toBe(true);
    expect(leaksOutside(found, [/^main:creds:envWrites$/])).toEqual([]);
    await job.cleanup();
  });

  it('left open, is closed by the post step at the end of the job', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(main.exitCode).toBe(0);
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.envWrites['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(post.envWrites['AWS_SESSION_TOKEN']).toBe('');
    expect(post.summary).toContain('```mermaid');
    await job.cleanup();
  });
});

describe('AWS, export: outputs', () => {
  it('sets masked outputs and nothing in the environment', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'outputs' }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const issued = world.aws.issued.at(-1)!;
    expect(main.outputs['aws-access-key-id']).toBe(issued.accessKeyId);
    expect(main.outputs['aws-secret-access-key']).toBe(issued.secretAccessKey);
    expect(main.outputs['aws-session-token']).toBe(issued.sessionToken);
    expect(main.masks).toEqual(
      expect.arrayContaining([issued.secretAccessKey, issued.sessionToken]),
    );
    expect(main.envWrites).toEqual({});
    const found = findLeaks(issuedSecrets(world), await jobChannels(job));
    // The canary does see the secrets where this mode puts them, and nowhere else.
    expect(found.some((l) => l.channel === 'main:creds:outputs')).toBe(true);
    expect(leaksOutside(found, [/^main:creds:outputs$/])).toEqual([]);
    await job.runPost(main);
    await job.cleanup();
  });
});

describe('AWS front door (configure-aws-credentials input names)', () => {
  it('takes the peer inputs and, like the peer, exports to the environment; post closes it', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'actions/aws/action.yml',
      id: 'configure',
      inputs: {
        'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
        'oidc-issuer': world.oidc.issuer,
        'aws-region': 'eu-central-1',
        'role-duration-seconds': '900',
      },
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(main.envWrites['AWS_REGION']).toBe('eu-central-1');
    expect(main.envWrites['AWS_SESSION_TOKEN']).toBe(world.aws.issued.at(-1)!.sessionToken);
    const post = await job.runPost(main);
    expect(post.envWrites['AWS_SESSION_TOKEN']).toBe('');
    await job.cleanup();
  });

  it('with run:, delivers to the command only', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'actions/aws/action.yml',
      id: 'configure',
      inputs: {
        'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
        'oidc-issuer': world.oidc.issuer,
        'aws-region': 'eu-central-1',
        run: USE_AWS,
      },
    });
    expect(main.exitCode, main.stderr).toBe(0);
    expect(toolResult(main)['put']).toBe('ok');
    expect(main.envWrites).toEqual({});
    await job.cleanup();
  });
});

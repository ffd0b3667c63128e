/**
 * One job's worth of in-process world for main, post and revoke: the AWS emulator and OIDC
 * issuer, a RUNNER_TEMP, and the environment a step of that job would have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNT, DEPLOY_ROLE, startEnv, type Env } from '../emulators/aws/fixture.ts';
import { FakeRunner } from '../fakes/runner.ts';
import { runMain } from '../../src/entry/main.ts';
import { runPost } from '../../src/entry/post.ts';
import { runRevoke } from '../../src/entry/revoke.ts';
import type { IdTokenSource } from '../../src/runner/oidc.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';

export const REVOKER = `arn:aws:iam::${ACCOUNT}:role/revoker`;
export { DEPLOY_ROLE };

export interface World {
  env: Env;
  temp: string;
  /** The job's environment as a step sees it (exports of earlier steps applied). */
  jobEnv: NodeJS.ProcessEnv;
  minted: string[];
  /** What main, post and revoke ask for tokens; a test may replace it. */
  idToken: IdTokenSource;
  main(inputs: Record<string, string>): Promise<FakeRunner>;
  post(main: FakeRunner): Promise<FakeRunner>;
  revoke(inputs?: Record<string, string>): Promise<FakeRunner>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const env = await startEnv({
    roles: {
      [DEPLOY_ROLE]: {
        trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] },
        maxSessionDuration: 3600,
        permissions: [{ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }],
      },
      [REVOKER]: {
        trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] },
        permissions: [
          {
            Effect: 'Allow',
            Action: ['iam:GetRolePolicy', 'iam:PutRolePolicy'],
            Resource: DEPLOY_ROLE,
          },
        ],
      },
    },
  });
  const temp = mkdtempSync(join(tmpdir(), 'jit-world-'));
  const minted: string[] = [];
  const jobEnv: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: temp,
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: temp,
    GITHUB_RUN_ID: '42',
    GITHUB_JOB: 'deploy',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/never-called',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-0123456789',
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789',
    AWS_ENDPOINT_URL: env.aws.url,
    JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '2000',
  };
  const idToken = async (audience: string) => {
    const t = await env.oidc.mint({}, { audience });
    minted.push(t);
    return t;
  };
  const now = () => env.clock.now();
  let steps = 0;
  const world: World = {
    env,
    temp,
    jobEnv,
    minted,
    idToken,
    async main(inputs) {
      const runner = new FakeRunner(
        {
          provider: 'aws',
          role: DEPLOY_ROLE,
          region: 'eu-west-1',
          // No policy in this job's checkout, judged on a push: the cloud's trust policy decides.
          'policy-source': 'workspace',
          'oidc-issuer': env.oidc.issuer,
          ...inputs,
        },
        {
          ...jobEnv,
          GITHUB_ACTION: `step${++steps}`,
        },
      );
      await runMain({ runner, env: runner.environment, idToken: world.idToken, now });
      Object.assign(jobEnv, runner.exported);
      return runner;
    },
    async post(main) {
      const runner = new FakeRunner(main.inputs, { ...jobEnv }, main.state);
      await runPost(runner, runner.environment, now, world.idToken);
      Object.assign(jobEnv, runner.exported);
      return runner;
    },
    async revoke(inputs = {}) {
      const runner = new FakeRunner(inputs, { ...jobEnv });
      await runRevoke(runner, runner.environment, now, world.idToken);
      Object.assign(jobEnv, runner.exported);
      return runner;
    },
    async close() {
      await env.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
  return world;
}

/**
 * The job's repository on a GitHub API emulator, where main reads the policy from (nothing on its
 * default branch until a test commits it); the job's steps are pointed at it.
 */
export async function startGitHubFor(world: World): Promise<GitHubApi> {
  const github = await startGitHubApi();
  github.repo('acme/site', { id: '690133524' });
  Object.assign(world.jobEnv, { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/site' });
  return github;
}

import { frontRunner, inputVariable, type Front } from '../../src/fronts/front.ts';
import { runMain } from '../../src/entry/main.ts';
import { FakeRunner } from '../fakes/runner.ts';
import type { World } from '../entry/world.ts';

/**
 * A step of a front door as the runner starts it: each input both in the fake runner and as
 * its `INPUT_*` variable (which the front door checks against the peer's input list).
 */
export function frontStep(
  front: Front,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): { fake: FakeRunner; runner: ReturnType<typeof frontRunner>; env: NodeJS.ProcessEnv } {
  const stepEnv: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(inputs)) stepEnv[inputVariable(name)] = value;
  const fake = new FakeRunner(inputs, stepEnv);
  return { fake, runner: frontRunner(fake, front, stepEnv), env: stepEnv };
}

/**
 * A main step of a front door in a world of emulators (test/entry/world.ts): what the step told
 * the runner, and how many GitHub tokens it had minted and AWS requests it made.
 */
export async function frontMain(
  w: World,
  front: Front,
  inputs: Record<string, string>,
): Promise<{ fake: FakeRunner; tokens: number; aws: number }> {
  const all = { 'policy-source': 'workspace', 'oidc-issuer': w.env.oidc.issuer, ...inputs };
  const { fake, runner, env } = frontStep(front, all, { ...w.jobEnv, GITHUB_ACTION: 'door' });
  const before = { tokens: w.minted.length, aws: w.env.aws.requests.length };
  await runMain({ runner, env, idToken: w.idToken, now: () => w.env.clock.now() });
  return {
    fake,
    tokens: w.minted.length - before.tokens,
    aws: w.env.aws.requests.length - before.aws,
  };
}

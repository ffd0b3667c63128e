import { frontRunner, inputVariable, type Front } from '../../src/fronts/front.ts';
import { FakeRunner } from '../fakes/runner.ts';

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

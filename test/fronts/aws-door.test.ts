/** actions/aws in a world of emulators: what it writes, and how many requests it makes. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsFront } from '../../src/fronts/aws.ts';
import { DEPLOY_ROLE, startWorld, type World } from '../entry/world.ts';
import { frontMain } from './helpers.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterEach(() => w.env.aws.faults.clear());
afterAll(async () => {
  await w.close();
});

describe('actions/aws', () => {
  it('unset-current-credentials empties nothing when an input is refused: nothing half-exported', async () => {
    const r = await frontMain(w, awsFront, {
      'role-to-assume': DEPLOY_ROLE,
      'aws-region': 'moon-1',
      'unset-current-credentials': 'true',
    });
    expect(r.fake.failures.join('\n')).toContain("Invalid region 'moon-1'");
    expect(r.tokens + r.aws).toBe(0);
    expect(r.fake.exported).toEqual({});
  });

  it('unset-current-credentials empties the variables once the inputs passed their checks', async () => {
    const r = await frontMain(w, awsFront, {
      'role-to-assume': DEPLOY_ROLE,
      'aws-region': 'eu-west-1',
      'unset-current-credentials': 'true',
    });
    expect(r.fake.failures).toEqual([]);
    expect(r.fake.exported['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
    expect(r.tokens).toBe(1);
  });

  it('disable-retry: one STS request, and the failure says how many were made', async () => {
    w.env.aws.faults.add('status500', 1, 'sts');
    const r = await frontMain(w, awsFront, {
      'role-to-assume': DEPLOY_ROLE,
      'aws-region': 'eu-west-1',
      'disable-retry': 'true',
    });
    expect(r.aws).toBe(1);
    expect(r.fake.failures.join('\n')).toMatch(/failed 1 time for /);
  });
});

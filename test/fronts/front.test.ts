import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.ts';
import { awsFront } from '../../src/fronts/aws.ts';
import { azureFront } from '../../src/fronts/azure.ts';
import type { Front } from '../../src/fronts/front.ts';
import { gcpFront } from '../../src/fronts/gcp.ts';
import { editDistance, nearestName } from '../../src/fronts/nearest.ts';
import { frontStep } from './helpers.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('nearest name', () => {
  it.each([
    ['role', 'roel', 1],
    ['role', 'role', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
  ])('editDistance(%s, %s) = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it.each([
    ['allowed-acount-ids', 'allowed-account-ids'],
    ['project-id', 'project_id'],
    ['ROLE_TO_ASSUME', 'role-to-assume'],
    ['mask-account-id', 'mask-aws-account-id'],
  ])('%s → %s', (typo, name) =>
    expect(nearestName(typo, Object.keys({ ...awsFront.inputs, ...gcpFront.inputs }))).toBe(name),
  );
});

describe('an input the front door does not know fails the step', () => {
  it('names it and the nearest known input, before the first input is used', () => {
    const { runner } = frontStep(awsFront, {
      'role-to-assume': ROLE,
      'aws-region': 'eu-west-1',
      'allowed-acount-ids': '123456789012',
    });
    const message = error(() => runner.input('provider'));
    expect(message).toContain("'allowed-acount-ids': did you mean 'allowed-account-ids'?");
    // Every later read fails the same way: nothing is half-read.
    expect(error(() => runner.input('role'))).toBe(message);
  });

  it("points our own name at the peer's name for it", () => {
    const { runner } = frontStep(awsFront, { role: ROLE, 'aws-region': 'eu-west-1' });
    expect(error(() => runner.input('provider'))).toContain(
      "'role': did you mean 'role-to-assume'?",
    );
    const g = frontStep(gcpFront, { 'workload-identity-provider': 'x' });
    expect(error(() => g.runner.input('provider'))).toContain(
      "did you mean 'workload_identity_provider'?",
    );
  });

  it('lists every unknown input at once', () => {
    const { runner } = frontStep(azureFront, {
      'client-id': 'a',
      'tenant-i': 'b',
      subscription: 'c',
    });
    const message = error(() => runner.input('provider'));
    expect(message).toContain("'subscription': did you mean 'subscription-id'?");
    expect(message).toContain("'tenant-i': did you mean 'tenant-id'?");
  });

  it('knows every peer input, spelt as the runner passes it (enable-AzPSSession upper-cased)', () => {
    for (const front of [awsFront, gcpFront, azureFront]) {
      const inputs = Object.fromEntries(Object.keys(front.inputs).map((n) => [n, '']));
      const { runner } = frontStep(front, {
        ...inputs,
        ...(front === azureFront ? { 'subscription-id': 'S' } : {}),
      });
      expect(runner.input('provider')).toBe(front.provider);
    }
  });
});

describe('refusals', () => {
  it.each([
    [awsFront, 'aws-access-key-id', 'AKIAIOSFODNN7EXAMPLE', /jit-credentials fix/],
    [awsFront, 'aws-profile', 'dev', /outlive the step/],
    [awsFront, 'special-characters-workaround', 'true', /stays valid until it/],
    [gcpFront, 'credentials_json', '{"type":"service_account"}', /jit-credentials fix/],
    [gcpFront, 'access_token_subject', 'user@example.com', /domain-wide delegation/],
    [azureFront, 'enable-AzPSSession', 'true', /Connect-AzAccount/],
  ] as Array<[Front, string, string, RegExp]>)(
    '%#: %s is refused with the reason',
    (front, name, value, reason) => {
      const { runner } = frontStep(front, { [name]: value });
      const message = error(() => runner.input('provider'));
      expect(message).toContain(`refuses '${name}'`);
      expect(message).toMatch(reason);
      expect(message).not.toContain(value.length > 5 ? value : '\u0000');
    },
  );

  it('a refused secret is masked before the step fails', () => {
    const { runner, fake } = frontStep(awsFront, {
      'aws-secret-access-key': 'wJalrXUtnFEMI/K7MDENG',
    });
    error(() => runner.input('provider'));
    expect(fake.masks).toContain('wJalrXUtnFEMI/K7MDENG');
  });

  it('a boolean refused when true passes when false, and a misspelt boolean is an error', () => {
    const ok = frontStep(awsFront, {
      'force-skip-oidc': 'false',
      'use-existing-credentials': 'false',
    });
    expect(ok.runner.input('provider')).toBe('aws');
    const bad = frontStep(awsFront, { 'force-skip-oidc': 'yes' });
    expect(error(() => bad.runner.input('provider'))).toContain("Invalid force-skip-oidc 'yes'");
  });

  it('actions/gcp: token_format: access_token with run: (its output would be empty: the token lives in the command)', () => {
    const { runner } = frontStep(gcpFront, {
      workload_identity_provider: 'projects/1/locations/global/workloadIdentityPools/p/providers/g',
      service_account: 'deploy@acme-site.iam.gserviceaccount.com',
      token_format: 'access_token',
      run: 'true',
    });
    expect(error(() => runner.input('provider'))).toMatch(
      /refuses 'token_format: access_token' with 'run'.*CLOUDSDK_AUTH_ACCESS_TOKEN/,
    );
  });

  it('actions/aws: disable-retry: true beside retry-max-attempts other than 1 contradict each other', () => {
    const { runner } = frontStep(awsFront, {
      'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
      'aws-region': 'eu-west-1',
      'disable-retry': 'true',
      'retry-max-attempts': '5',
    });
    expect(error(() => runner.input('provider'))).toContain(
      "'disable-retry: true' and 'retry-max-attempts: 5' contradict each other",
    );
  });
});

describe('mapping', () => {
  it('resolves our inputs from the peer names, and defaults to export: env unless run is given', () => {
    const { runner } = frontStep(awsFront, {
      'role-to-assume': ROLE,
      'aws-region': 'eu-west-1',
      'role-duration-seconds': '600',
    });
    expect(runner.input('role')).toBe(ROLE);
    expect(runner.input('region')).toBe('eu-west-1');
    expect(runner.input('duration')).toBe('600');
    expect(runner.input('export')).toBe('env');
    const withRun = frontStep(awsFront, { 'role-to-assume': ROLE, run: 'true' });
    expect(withRun.runner.input('export')).toBe('');
  });

  it("a failure quoting one of our names says the peer's name for it", () => {
    const { runner, fake } = frontStep(awsFront, { 'role-to-assume': 'x' });
    runner.fail("Invalid role 'x'. Expected an IAM role ARN");
    expect(fake.failures[0]).toContain("(On actions/aws: 'role' is 'role-to-assume'.)");
  });

  it("names the peer's spelling of a value of an input the door derives (token_format)", () => {
    const { runner, fake } = frontStep(gcpFront, { id_token_audience: 'https://x' });
    // What the engine says when id_token_audience is given without token_format: id_token.
    runner.fail(
      "'id-token-audience' applies only with 'token-format: id-token'. Add that, or remove 'id-token-audience'.",
    );
    expect(fake.failures[0]).toContain(
      "(On actions/gcp: 'token-format: id-token' is 'token_format: id_token', 'id-token-audience' is 'id_token_audience'.)",
    );
    runner.fail("Invalid token-format 'x'.");
    expect(fake.failures[1]).toContain("(On actions/gcp: 'token-format' is 'token_format'.)");
  });
});

describe('peer outputs', () => {
  it('derives aws-account-id, authenticated-arn and aws-expiration from ours', () => {
    const { runner, fake } = frontStep(awsFront, { 'role-to-assume': ROLE });
    runner.input('provider');
    runner.setOutput('principal', 'arn:aws:sts::123456789012:assumed-role/deploy/s1');
    runner.setOutput('expires-at', '2026-11-23T18:42:07.000Z');
    expect(fake.outputs).toMatchObject({
      'aws-account-id': '123456789012',
      'authenticated-arn': 'arn:aws:sts::123456789012:assumed-role/deploy/s1',
      'aws-expiration': '2026-11-23T18:42:07.000Z',
    });
  });

  it('mask-aws-account-id masks the account before anything is read', () => {
    const { runner, fake } = frontStep(awsFront, {
      'role-to-assume': ROLE,
      'mask-aws-account-id': 'true',
    });
    runner.input('provider');
    expect(fake.masks).toEqual(['123456789012']);
  });

  it('output-credentials mirrors the exported keys to the outputs, and the summary says so', async () => {
    const { runner, fake } = frontStep(awsFront, {
      'role-to-assume': ROLE,
      'output-credentials': 'true',
    });
    expect(runner.input('export')).toBe('env');
    runner.exportVariable('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    runner.exportVariable('AWS_REGION', 'eu-west-1');
    expect(fake.outputs).toEqual({ 'aws-access-key-id': 'ASIAEXAMPLE' });
    await runner.appendSummary('block');
    expect(fake.summary).toMatch(/also in the step outputs `aws-access-key-id`/);
    // Emptying at close is not a credential.
    runner.exportVariable('AWS_ACCESS_KEY_ID', '');
    expect(fake.outputs['aws-access-key-id']).toBe('ASIAEXAMPLE');
  });

  it('without output-credentials nothing is mirrored and the summary is unchanged', async () => {
    const { runner, fake } = frontStep(awsFront, { 'role-to-assume': ROLE });
    runner.input('provider');
    runner.exportVariable('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    await runner.appendSummary('block');
    expect(fake.outputs).toEqual({});
    expect(fake.summary).toBe('block');
  });
});

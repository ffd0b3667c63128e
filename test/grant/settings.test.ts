import { describe, expect, it } from 'vitest';
import { defaultSessionName, readCommonSettings } from '../../src/grant/settings.ts';
import { Inputs } from '../../src/runner/inputs.ts';

const read = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  readCommonSettings(new Inputs({ input: (n) => values[n] ?? '' }), env);

describe('readCommonSettings', () => {
  it('reads run mode', () => {
    const s = read({ provider: 'aws', run: 'aws s3 ls', duration: '5m' });
    expect(s).toMatchObject({
      provider: 'aws',
      mode: 'run',
      run: 'aws s3 ls',
      duration: 300,
      shell: 'bash',
    });
    expect(Object.isFrozen(s)).toBe(true);
  });
  it('reads export modes', () => {
    expect(read({ provider: 'gcp', export: 'outputs' }).mode).toBe('outputs');
    expect(read({ provider: 'azure', export: 'env' }).mode).toBe('env');
  });
  it.each([
    [{}, /Input 'provider' is required/],
    [
      { provider: 'oracle', run: 'x' },
      /Invalid provider 'oracle'. Expected one of: aws, azure, gcp/,
    ],
    [{ provider: 'aws' }, /Say how the credentials are delivered/],
    [{ provider: 'aws', run: 'x', export: 'env' }, /exclude each other/],
    [{ provider: 'aws', export: 'file' }, /Invalid export 'file'/],
    [{ provider: 'aws', run: 'x', shell: 'pwsh' }, /Invalid shell 'pwsh'/],
    [
      { provider: 'aws', run: 'x', 'working-directory': 'missing-dir-xyz' },
      /Invalid working-directory 'missing-dir-xyz'/,
    ],
    [{ provider: 'aws', run: 'x', duration: '5 minutes' }, /Invalid duration '5 minutes'/],
    [
      { provider: 'aws', run: 'x', 'session-name': 'has space' },
      /Invalid session-name 'has space'/,
    ],
    // The role's trust policy may accept it, but a close handle holding it could not be read back.
    [{ provider: 'aws', run: 'x', audience: 'https://github.com/acme ci' }, /Invalid audience/],
    [{ provider: 'aws', run: 'x', audience: 'a'.repeat(257) }, /Invalid audience/],
    // An input of another cloud would be ignored: a narrowing one would narrow nothing.
    [
      { provider: 'aws', export: 'env', 'access-boundary': '- bucket: site' },
      /Input 'access-boundary' is for provider gcp, and this step's provider is aws: it would be ignored. Remove it, or set 'provider: gcp'/,
    ],
    [{ provider: 'gcp', run: 'x', 'session-policy': '{}' }, /'session-policy' is for provider aws/],
    [{ provider: 'azure', run: 'x', scopes: 'x' }, /'scopes' is for provider gcp/],
  ])('refuses %j', (values, message) => {
    expect(() => read(values as Record<string, string>)).toThrow(message);
  });
});

describe('defaultSessionName', () => {
  const env = {
    GITHUB_RUN_ID: '123',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTION: 'creds',
  };
  it('says where the grant came from and which grant it is', () => {
    expect(defaultSessionName(env, 'aws-0a1b2c3d4e')).toBe('gh.123.2.deploy.creds.0a1b2c3d4e');
  });
  it('tells apart matrix legs, which share run, attempt, job and step', () => {
    expect(defaultSessionName(env, 'aws-0a1b2c3d4e')).not.toBe(
      defaultSessionName(env, 'aws-ffffffffff'),
    );
  });
  it('replaces characters STS refuses and shortens long names with a digest', () => {
    const longEnv = {
      GITHUB_RUN_ID: '9'.repeat(12),
      GITHUB_JOB: 'a job with spaces/and:colons'.repeat(3),
      GITHUB_ACTION: 'x',
    };
    const long = defaultSessionName(longEnv, 'aws-0a1b2c3d4e');
    expect(long).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(long.length).toBe(64);
    expect(defaultSessionName(longEnv, 'aws-1111111111')).not.toBe(long);
  });
  it('is what readCommonSettings uses, with the grant id it chose', () => {
    const s = readCommonSettings(
      new Inputs({ input: (n) => ({ provider: 'aws', run: 'x' })[n] ?? '' }),
      env,
    );
    expect(s.grantId).toMatch(/^aws-[0-9a-f]{10}$/);
    expect(s.sessionName).toBe(`gh.123.2.deploy.creds.${s.grantId.slice(4)}`);
  });
});

/**
 * Where the action's AWS clients send a call, read off the request the SDK builds (nothing is
 * sent): AWS's own endpoint of the region, FIPS and dual-stack only from their variables, and
 * nothing from a config file an earlier step could have written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsClientConfig, type EndpointVariant } from '../../../src/providers/aws/client-config.ts';

const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' };

/** The host and path the SDK would send GetCallerIdentity to. */
async function destination(options: {
  region: string;
  endpoint?: string;
  variant?: EndpointVariant;
}): Promise<string> {
  const client = new STSClient(
    awsClientConfig({
      region: options.region,
      endpoint: options.endpoint,
      variant: options.variant,
      credentials: KEYS,
      timeoutMs: 1000,
    }),
  );
  let seen = '';
  client.middlewareStack.add(
    () => async (args) => {
      const r = args.request as { protocol: string; hostname: string; port?: number };
      seen = `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}`;
      throw new Error('stopped before sending');
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
  await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toThrow(
    'stopped before sending',
  );
  client.destroy();
  return seen;
}

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jit-aws-config-'));
  // What an earlier step could leave for the SDK to find: every setting that moves a call.
  const config = path.join(dir, 'config');
  writeFileSync(
    config,
    '[default]\nendpoint_url = http://127.0.0.1:9/planted\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\nregion = us-west-2\n',
  );
  process.env['AWS_CONFIG_FILE'] = config;
  process.env['HOME'] = dir;
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(dir, { recursive: true, force: true });
});

describe('awsClientConfig', () => {
  it("sends to AWS's own endpoint of the region, whatever the config file says", async () => {
    expect(await destination({ region: 'eu-west-1' })).toBe('https://sts.eu-west-1.amazonaws.com');
  });
  it('takes FIPS and dual-stack from the variant only', async () => {
    expect(
      await destination({ region: 'us-east-1', variant: { fips: true, dualStack: false } }),
    ).toBe('https://sts-fips.us-east-1.amazonaws.com');
    expect(
      await destination({ region: 'us-east-1', variant: { fips: false, dualStack: true } }),
    ).toBe('https://sts.us-east-1.api.aws');
  });
  it('an endpoint given is the one used', async () => {
    expect(await destination({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' })).toBe(
      'http://127.0.0.1:4566',
    );
  });
});

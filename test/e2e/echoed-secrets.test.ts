/**
 * A cloud endpoint that quotes what it was sent: an endpoint override, a proxy, a future message.
 * Whatever it quotes reaches no channel: not the ledger (a file every later step reads), not the
 * log or the summary, not even split over two lines, which the runner's line-by-line masker
 * cannot match. The built bundle, as the runner runs it. Build first: npm run build.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels } from '../harness/canary.ts';
import { awsInputs, awsJob, issuedSecrets, startAwsWorld, type AwsWorld } from './aws-setup.ts';
import { gcpInputs, gcpJob, startGcpWorld, type GcpWorld } from './gcp-setup.ts';

/** Answers every request with `answer(body, headers)`, status 403. */
async function echoServer(
  answer: (body: string, authorization: string) => { type: string; body: string },
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const out = answer(body, req.headers.authorization ?? '');
      res.writeHead(403, { 'content-type': out.type });
      res.end(out.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The value whole, then split over two lines. */
const quoted = (value: string) => {
  const half = Math.floor(value.length / 2);
  return `${value} (split: ${value.slice(0, half)}\n${value.slice(half)})`;
};

describe('AWS: an STS answer that quotes the GitHub token', () => {
  let world: AwsWorld;
  let sts: Awaited<ReturnType<typeof echoServer>>;
  beforeAll(async () => {
    world = await startAwsWorld();
    sts = await echoServer((body) => ({
      type: 'text/xml',
      body:
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
        `<Code>AccessDenied</Code><Message>Not authorized for ${quoted(new URLSearchParams(body).get('WebIdentityToken') ?? '')}</Message>` +
        '</Error><RequestId>x</RequestId></ErrorResponse>',
    }));
  });
  afterAll(async () => {
    await sts?.close();
    await world?.close();
  });

  it('puts it in no channel, and still says what STS refused', async () => {
    const job = await awsJob(world);
    const step = await job.runStep({
      action: 'action.yml',
      id: 'echo',
      inputs: awsInputs({ export: 'env' }),
      env: { AWS_ENDPOINT_URL_STS: sts.url },
    });
    expect(step.exitCode).not.toBe(0);
    expect(step.stdout).toMatch(/Not authorized for \*\*\*/);
    const token = world.oidc.issued.at(-1)!;
    const half = token.slice(Math.floor(token.length / 2));
    // What the runner would show: each half of the split copy is there unless we took it out.
    expect(step.stdout).not.toContain(half);
    expect(step.summary).not.toContain(half);
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });
});

describe('Google: an IAM Credentials answer that quotes the federated token it was sent', () => {
  let world: GcpWorld;
  let iam: Awaited<ReturnType<typeof echoServer>>;
  beforeAll(async () => {
    world = await startGcpWorld({ attributeCondition: "assertion.repository == 'acme/site'" });
    iam = await echoServer((_body, authorization) => ({
      type: 'application/json',
      body: JSON.stringify({
        error: {
          code: 403,
          status: 'PERMISSION_DENIED',
          message: `caller ${quoted(authorization.replace(/^Bearer /, ''))} lacks permission`,
        },
      }),
    }));
  });
  afterAll(async () => {
    await iam?.close();
    await world?.close();
  });

  it('masks it as it arrives and puts it in no channel', async () => {
    const job = await gcpJob(world, { GHA_ENDPOINT_OVERRIDE_iamcredentials: iam.url });
    const step = await job.runStep({
      entry: 'dist/main.js',
      id: 'deploy',
      inputs: gcpInputs(world),
    });
    expect(step.exitCode).not.toBe(0);
    const federated = world.google.issued.at(-1)!;
    expect(step.masks).toContain(federated);
    expect(step.stdout).toMatch(/caller \*\*\* \(split: \*\*\*/);
    expect(findLeaks([federated, ...world.oidc.issued], await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });
});

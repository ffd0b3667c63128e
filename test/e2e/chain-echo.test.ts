/**
 * Role chaining signs with the session an earlier step exported. An STS answer (an
 * endpoint override, a proxy) that quotes what it was sent quotes that session's token
 * (X-Amz-Security-Token). The runner masks it whole, as the earlier step registered it, but not
 * split over two lines; and this step's own redaction (the ledger, the log) never learnt it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { awsInputs, awsJob, issuedSecrets, startAwsWorld, type AwsWorld } from './aws-setup.ts';

let world: AwsWorld;
let sts: Server;
let stsUrl: string;

beforeAll(async () => {
  world = await startAwsWorld();
  sts = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const token = String(req.headers['x-amz-security-token'] ?? '');
      const half = Math.floor(token.length / 2);
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
          `<Code>AccessDenied</Code><Message>Not authorized for ${token} (split: ${token.slice(0, half)}\n${token.slice(half)})</Message>` +
          '</Error><RequestId>x</RequestId></ErrorResponse>',
      );
    });
  });
  await new Promise<void>((r) => sts.listen(0, '127.0.0.1', r));
  stsUrl = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => sts.close(() => r()));
  await world?.close();
});

describe('role chaining: an STS answer that quotes the earlier session it was signed with', () => {
  it("puts that session token in no channel but the earlier grant's own (its GITHUB_ENV and files)", async () => {
    const job = await awsJob(world);
    const first = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const chained = await job.runStep({
      action: 'action.yml',
      id: 'chained',
      inputs: awsInputs({ export: 'env', 'role-chaining': 'true' }),
      env: { AWS_ENDPOINT_URL_STS: stsUrl },
    });
    expect(chained.exitCode).not.toBe(0);
    expect(chained.stdout).toMatch(/refused AssumeRole/);
    const sessionToken = first.envWrites['AWS_SESSION_TOKEN']!;
    const half = sessionToken.slice(Math.floor(sessionToken.length / 2));
    // What the runner shows of the split copy: its second half, unless the step took it out.
    expect.soft(chained.stdout.includes(half)).toBe(false);
    // The earlier grant is still open with export: env: its variables and its own files are its channel.
    const leaks = leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
      /^main:creds:envWrites$/,
      /^file:_temp\/jit-credentials\/aws-[0-9a-f]+\/credentials$/,
    ]);
    expect(leaks.map((l) => l.channel)).toEqual([]);
    await job.cleanup();
  });
});

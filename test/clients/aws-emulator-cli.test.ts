/**
 * The AWS CLI from Debian's `awscli` package (v2.9) against the AWS emulator: credentials from
 * environment variables and from a shared credentials file, STS and S3 commands, and the
 * refusals a closed grant must produce. An older pip `aws` may come first on PATH, so the
 * package's own binary is used.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assume, startEnv, type Env } from '../emulators/aws/fixture.ts';

function debianAws(): string | undefined {
  try {
    const files = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n');
    return files.find((f) => /\/bin\/aws$/.test(f));
  } catch {
    return undefined;
  }
}

const AWS = debianAws();
if (!AWS) {
  console.warn(
    "Skipping the AWS CLI client test: Debian's awscli package is not installed (apt-get install -y awscli).",
  );
}

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

describe.skipIf(!AWS)('AWS CLI (Debian awscli) against the AWS emulator', () => {
  let env: Env;
  let dir: string;

  beforeAll(async () => {
    env = await startEnv();
    dir = mkdtempSync(join(tmpdir(), 'aws-cli-'));
    writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n');
  });
  afterAll(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => env.clock.set(new Date()));

  /** A clean environment: nothing of the machine's AWS set-up leaks in. */
  function baseEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  function withEnvKeys(c: Credentials): NodeJS.ProcessEnv {
    return {
      ...baseEnv(),
      AWS_ACCESS_KEY_ID: c.accessKeyId,
      AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
      AWS_SESSION_TOKEN: c.sessionToken,
    };
  }

  /** Asynchronous on purpose: the emulator answers from this same event loop. */
  function aws(
    args: string[],
    processEnv: NodeJS.ProcessEnv,
  ): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(AWS!, ['--endpoint-url', env.aws.url, ...args], {
        env: processEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({
          status,
          stdout: Buffer.concat(out),
          stderr: Buffer.concat(err).toString('utf8'),
        });
      });
    });
  }

  async function ok(args: string[], processEnv: NodeJS.ProcessEnv): Promise<string> {
    const r = await aws(args, processEnv);
    if (r.status !== 0) throw new Error(`aws ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return r.stdout.toString('utf8');
  }

  it('runs sts get-caller-identity, s3 ls, s3 cp and s3api put-object with keys from the environment', async () => {
    const { out, credentials } = await assume(env, { RoleSessionName: 'cli-env' });
    const e = withEnvKeys(credentials);

    const id = JSON.parse(
      await ok(['sts', 'get-caller-identity', '--output', 'json'], e),
    ) as Record<string, string>;
    expect(id).toEqual({
      UserId: out.AssumedRoleUser!.AssumedRoleId,
      Account: '123456789012',
      Arn: out.AssumedRoleUser!.Arn,
    });

    expect(await ok(['s3', 'ls'], e)).toMatch(/ site\n/);

    const file = join(dir, 'artifact.bin');
    const content = Buffer.alloc(1024 * 1024 + 17, 'jit-credentials ');
    writeFileSync(file, content);
    const from = env.aws.requests.length;
    await ok(['s3', 'cp', file, 's3://site/releases/artifact.bin'], e);
    const stored = env.aws.buckets.get('site')!.objects.get('releases/artifact.bin');
    expect(stored?.body.equals(content)).toBe(true);
    const puts = env.aws.requests.slice(from).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([200]);
    // Whatever mode this CLI uses over plain http, the emulator verified it; record which one.
    console.info(`aws s3 cp PUT payload signing: ${puts[0]!.payloadSigning}`);

    const put = JSON.parse(
      await ok(
        [
          's3api',
          'put-object',
          '--bucket',
          'site',
          '--key',
          'notes.txt',
          '--body',
          file,
          '--output',
          'json',
        ],
        e,
      ),
    ) as {
      ETag: string;
    };
    expect(put.ETag).toBe(stored!.etag);

    const listing = await ok(['s3', 'ls', 's3://site/', '--recursive'], e);
    expect(listing).toContain('releases/artifact.bin');
    expect(listing).toContain('notes.txt');

    const back = await aws(['s3', 'cp', 's3://site/notes.txt', '-'], e);
    expect(back.status).toBe(0);
    expect(Buffer.compare(back.stdout, content)).toBe(0);
  });

  it('reads the credentials from AWS_SHARED_CREDENTIALS_FILE', async () => {
    const { out, credentials } = await assume(env, { RoleSessionName: 'cli-file' });
    const file = join(dir, 'credentials');
    writeFileSync(
      file,
      `[default]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\naws_session_token = ${credentials.sessionToken}\n`,
      { mode: 0o600 },
    );
    const e = { ...baseEnv(), AWS_SHARED_CREDENTIALS_FILE: file };
    const id = JSON.parse(
      await ok(['sts', 'get-caller-identity', '--output', 'json'], e),
    ) as Record<string, string>;
    expect(id.Arn).toBe(out.AssumedRoleUser!.Arn);
    const src = join(dir, 'small.txt');
    writeFileSync(src, 'small\n');
    await ok(['s3', 'cp', src, 's3://site/small.txt'], e);
    expect(env.aws.buckets.get('site')!.objects.get('small.txt')?.body.toString()).toBe('small\n');
  });

  it('is refused once the session window (aws:CurrentTime) has passed, and after expiry', async () => {
    const end = new Date(env.clock.now().getTime() + 60_000);
    const Policy = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': end.toISOString() } },
        },
      ],
    });
    const { credentials } = await assume(env, {
      Policy,
      DurationSeconds: 900,
      RoleSessionName: 'cli-window',
    });
    const e = withEnvKeys(credentials);
    expect((await aws(['s3', 'ls', 's3://site/'], e)).status).toBe(0);
    env.clock.advance(61);
    const denied = await aws(['s3', 'ls', 's3://site/'], e);
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('AccessDenied');
    expect(denied.stderr).toContain('with an explicit deny in a session policy');
    env.clock.advance(900);
    const expired = await aws(['s3', 'ls', 's3://site/'], e);
    expect(expired.status).not.toBe(0);
    expect(expired.stderr).toContain('ExpiredToken');
  });

  it('is refused with a wrong secret', async () => {
    const { credentials } = await assume(env);
    const r = await aws(
      ['s3', 'ls'],
      withEnvKeys({ ...credentials, secretAccessKey: 'x'.repeat(40) }),
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('SignatureDoesNotMatch');
  });
});

/**
 * The keys a revocation is proven with (ledger review F6): the grant's directory is the `run:`
 * command's and every later step's to change, so main probes with the keys it holds in memory,
 * and post reads the file only if it is a small regular file of the job's user: a FIFO (which
 * would block the main thread in open(2) for good) or a symbolic link (to /dev/zero, say) is refused at once,
 * and the record says why the revocation is not verified.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { revokeSession } from '../../../src/providers/aws/revoke.ts';
import type { Credential } from '../../../src/providers/provider.ts';
import {
  askWith,
  context,
  emulatedTime,
  EXPLICIT_DENY,
  grantFor,
  startWorld,
  type TestGrant,
  type World,
} from './revoke-world.ts';
import { startWorld as startJobWorld, REVOKER, type World as JobWorld } from '../../entry/world.ts';

let w: World | undefined;
let job: JobWorld | undefined;
afterEach(async () => {
  await w?.close();
  await job?.close();
  w = job = undefined;
});

/**
 * Only so that a test of the old behaviour ends instead of hanging: a process outside the
 * action opens the FIFO for writing after `afterMs`, and gives up after 10 s either way.
 */
function unblockLater(fifo: string, afterMs: number): void {
  const s = afterMs / 1000;
  spawn('timeout', ['10', 'sh', '-c', `sleep ${s}; echo x > "$0"`, fifo], {
    detached: true,
    stdio: 'ignore',
  }).unref();
}

function credentialOf(g: TestGrant): Credential & TestGrant['keys'] {
  return {
    principal: 'arn:aws:sts::123456789012:assumed-role/deploy/x',
    expiresAt: new Date(g.target.sessionExpiresAt),
    secrets: [g.keys.accessKeyId, g.keys.secretAccessKey, g.keys.sessionToken],
    scope: 'role',
    facts: {},
    notes: [],
    ...g.keys,
  };
}

describe("post: the grant's credentials file, read only when it is a small regular file", () => {
  it('a FIFO in its place is refused at once: revoked, not verified, and the note says why', async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000f1');
    const file = join(g.dir, 'credentials');
    rmSync(file);
    execFileSync('mkfifo', [file]);
    unblockLater(file, 3000);
    // Before the fix the main thread sat in open(2) until the writer above came, then read what
    // it wrote and said the file held no keys: the note below is what tells the two apart.
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(
      /not verified: the grant's credentials file .*credentials is not a regular file \(a FIFO\)/,
    );
    // The deny itself was written all the same.
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
  }, 20_000);

  it('a symbolic link is not followed (not even to a file with the right keys)', async () => {
    // Not /dev/zero itself: before the fix, reading it whole ran the test worker out of memory.
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000f2');
    const file = join(g.dir, 'credentials');
    const elsewhere = join(g.dir, 'elsewhere');
    writeFileSync(elsewhere, readFileSync(file));
    rmSync(file);
    symlinkSync(elsewhere, file);
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(/not verified: the grant's credentials file .* is a symbolic link/);
  }, 20_000);

  it('a file larger than any credentials file is not read whole', async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000f3');
    writeFileSync(join(g.dir, 'credentials'), 'x'.repeat(1 << 20));
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(/not verified: the grant's credentials file .* is larger than/);
  }, 20_000);
});

describe('main: the keys it holds in memory, whatever the files say', () => {
  it("another session's keys in the file do not matter: the held ones prove the deny", async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000f4');
    const other = await grantFor(x, 'aws-00000000f5');
    const dir = mkdtempSync(join(tmpdir(), 'jit-revoke-held-'));
    x.dirs.push(dir);
    writeFileSync(
      join(dir, 'credentials'),
      `[default]\naws_access_key_id = ${other.keys.accessKeyId}\naws_secret_access_key = ${other.keys.secretAccessKey}\naws_session_token = ${other.keys.sessionToken}\n`,
    );
    const { ctx } = context(x, dir);
    const result = await revokeSession(
      g.target,
      { ...ctx, issuedCredential: credentialOf(g) },
      emulatedTime(x),
    );
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
  }, 20_000);

  it('run: the command swaps its credentials file for a FIFO; main closes at once and verifies with the keys it holds', async () => {
    const world = (job = await startJobWorld());
    const marker = join(world.temp, 'fifo-at');
    // The command makes the FIFO and says where; a writer outside the action opens it after
    // 5 s, only so that the old behaviour (blocked in open(2)) ends; no assertion times anything.
    const watcher = spawn(
      'timeout',
      [
        '15',
        'sh',
        '-c',
        `while [ ! -s "$0" ]; do sleep 0.05; done; sleep 5; echo x > "$(cat "$0")"`,
        marker,
      ],
      { detached: true, stdio: 'ignore' },
    );
    watcher.unref();
    const main = await world.main({
      'revoke-role': REVOKER,
      run: `f="$AWS_SHARED_CREDENTIALS_FILE"; rm -f "$f"; mkfifo "$f"; echo "$f" > "${marker}"`,
    });
    // Before the fix main read the FIFO once the writer came and found no keys in it: not verified.
    expect(main.failures).toEqual([]);
    expect(main.summary).toMatch(/1 grant: 1 revoked and verified/);
  }, 30_000);
});

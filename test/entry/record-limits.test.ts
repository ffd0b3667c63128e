/**
 * The record a reviewer reads cannot be hidden, forged or pushed out of the step summary: not by
 * the `run:` command's own summary (F1), nor by ledger lines any step can write (F8). GitHub's
 * runner uploads no step summary over 1 MiB, so size is part of the record's integrity.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger, ledgerPath } from '../../src/grant/ledger.ts';
import { runMain } from '../../src/entry/main.ts';
import { FakeRunner } from '../fakes/runner.ts';
import { renderGfm, textOf } from '../runner/gfm.ts';
import { DEPLOY_ROLE, startWorld, type World } from './world.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.close();
});

/** The runner refuses to upload a step summary over this, dropping all of it. */
const RUNNER_LIMIT = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s);
const ledger = () => new Ledger(ledgerPath(join(w.temp, 'jit-credentials')));
/** What a browser shows: HTML comments (closed or running to the end) are not displayed. */
const visible = (html: string) => html.replace(/<!--[\s\S]*?(-->|$)/g, '');
/** The rendered page less its code blocks: what reads as the page's own text. */
const outsideCode = (html: string) => html.replace(/<pre>[\s\S]*?<\/pre>/g, '');
const freshLedger = () => {
  mkdirSync(join(w.temp, 'jit-credentials'), { recursive: true, mode: 0o700 });
  writeFileSync(ledger().path, '');
};

/** A block that looks exactly like the action's, ending in an HTML comment left open. */
const FORGED = [
  '',
  '### 🔑 jit-credentials · aws · run · step `deploy`',
  '',
  '**1 grant: 1 revoked and verified**',
  '',
  '| grant | cloud · principal | delivery | lifetime | exposure: runner / cloud | how it ended |',
  '|---|---|---|---|---|---|',
  '| <code>aws-0123456789</code> | aws <code>deploy</code> | run (exit 0) | 15m | 2s / 3s | revoked 10:00:03Z: the cloud refuses it (verified) |',
  '',
  '<!--',
].join('\n');

describe("F1: the run: command's own step summary", () => {
  it("comes after the action's record, inert: a forged block and an open <!-- hide nothing", async () => {
    const main = await w.main({
      run: `cat >> "$GITHUB_STEP_SUMMARY" <<'EOF'\n${FORGED}\nEOF`,
    });
    expect(main.failures).toEqual([]);
    const real = main.summary.indexOf('1 grant: 1 closed on the runner');
    const theirs = main.summary.indexOf('written by the `run:` command');
    expect(real).toBeGreaterThanOrEqual(0);
    expect(theirs).toBeGreaterThan(real);
    const html = renderGfm(main.summary);
    // The reviewer sees the real verdict; the forgery is there only as text in a code block.
    expect(visible(html)).toMatch(/1 grant: 1 closed on the runner/);
    expect(outsideCode(html)).not.toMatch(/revoked and verified|\(verified\)|<!--/);
    expect(textOf(html)).toContain('**1 grant: 1 revoked and verified**');
    expect(html).toMatch(/<h4>Text written by the <code>run:<\/code> command to its step summary/);
  });

  it('cannot leave its code block with a longer fence of its own', async () => {
    const escape = '````````\n<!--\n~~~~~~~~~~\n</pre><b>x</b>';
    const main = await w.main({
      run: `cat >> "$GITHUB_STEP_SUMMARY" <<'EOF'\n${escape}\nEOF\necho "after" >> "$GITHUB_STEP_SUMMARY"`,
    });
    expect(main.failures).toEqual([]);
    const html = renderGfm(main.summary);
    expect(html).not.toMatch(/<!--|<b>/);
    expect(textOf(html)).toContain(`${escape}\nafter`);
  });

  it('exactly 1 MiB: none of it is passed on, and the summary and a warning say so', async () => {
    const main = await w.main({
      run: `head -c 1048576 /dev/zero | tr '\\0' 'x' > "$GITHUB_STEP_SUMMARY"`,
    });
    expect(main.summary).toContain('1 grant: 1 closed on the runner');
    expect(bytes(main.summary)).toBeLessThan(64 * 1024);
    expect(main.summary).not.toContain('xxxxxxxx');
    expect(main.summary).toMatch(/wrote 1048576 bytes to its step summary; none of it is shown/);
    expect(main.log.text()).toMatch(/warning: .*wrote 1048576 bytes to its step summary/);
  });

  it('over the cap, well under 1 MiB: left out with a warning, not a failure', async () => {
    const main = await w.main({
      run: `head -c 200000 /dev/zero | tr '\\0' 'y' > "$GITHUB_STEP_SUMMARY"`,
    });
    expect(main.failures).toEqual([]);
    expect(main.summary).not.toContain('yyyyyyyy');
    expect(main.summary).toMatch(/wrote 200000 bytes to its step summary; none of it is shown/);
    expect(main.log.text()).toMatch(/warning: .*200000 bytes/);
  });

  it('a summary holding the credential is still dropped, and fails the step', async () => {
    const main = await w.main({
      run: 'echo "key $AWS_SECRET_ACCESS_KEY" >> "$GITHUB_STEP_SUMMARY"',
    });
    expect(main.failures.join('\n')).toContain('GITHUB_STEP_SUMMARY');
    expect(main.summary).not.toContain('written by the `run:` command');
    expect(main.summary).toContain('1 grant: 1 closed on the runner');
  });
});

describe('the title', () => {
  it('shows the step id as code, whatever it holds', async () => {
    const runner = new FakeRunner(
      {
        provider: 'aws',
        role: DEPLOY_ROLE,
        region: 'eu-west-1',
        'policy-source': 'workspace',
        'oidc-issuer': w.env.oidc.issuer,
        run: 'true',
      },
      { ...w.jobEnv, GITHUB_ACTION: 'a`<b>x</b>' },
    );
    await runMain({
      runner,
      env: runner.environment,
      idToken: w.idToken,
      now: () => w.env.clock.now(),
    });
    const heading = /<h3>([\s\S]*?)<\/h3>/.exec(renderGfm(runner.summary))![1]!;
    expect(heading).toContain('<code>a`&lt;b&gt;x&lt;/b&gt;</code>');
  });
});

describe("F8: ledger lines cannot push post's block past the runner's limit", () => {
  it('300 notes of 4000 characters on the own grant: 20 are shown, the rest counted', async () => {
    freshLedger();
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    // Rewritten, not appended: only the grant's first delivery line is read for its notes.
    const lines = readFileSync(ledger().path, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(`"grant":"${id}"`) && l.includes('"delivered"'));
    const delivered = JSON.parse(lines[at]!) as Record<string, unknown>;
    lines[at] = JSON.stringify({ ...delivered, notes: Array(300).fill('n'.repeat(4000)) });
    writeFileSync(ledger().path, lines.join('\n'));
    const post = await w.post(main);
    expect(post.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(bytes(post.summary)).toBeLessThan(300 * 1024);
    expect(post.summary).toContain(`<code>${id}</code>`);
    expect(post.summary).toMatch(/280 more notes not shown; the ledger is at /);
  });

  it('300 forged open grants: the own grant is shown, the others counted', async () => {
    freshLedger();
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    const t = new Date().toISOString();
    let lines = '';
    for (let i = 0; i < 300; i++) {
      const g = `aws-${(0xf000000000 + i).toString(16)}`;
      lines +=
        JSON.stringify({
          time: t,
          grant: g,
          phase: 'issued',
          provider: 'aws',
          expiresAt: '2099-01-01T00:00:00Z',
          handle: { stsExpiration: '2099-01-01T00:00:00Z', enforcedEnd: null, revoke: null },
        }) + '\n';
    }
    // Ahead of the own grant's lines: the block shows the own grant first all the same.
    writeFileSync(ledger().path, lines + readFileSync(ledger().path, 'utf8'));
    const post = await w.post(main);
    expect(bytes(post.summary)).toBeLessThan(300 * 1024);
    expect(bytes(post.summary)).toBeLessThan(RUNNER_LIMIT);
    expect(post.summary).toContain(`| <code>${id}</code> |`);
    expect(post.summary).toMatch(/\d+ more grants? not shown.*; the ledger is at /);
    // The verdict still counts every grant.
    expect(post.summary).toMatch(/Every grant of this job: \*\*301 grants/);
  }, 120_000);
});

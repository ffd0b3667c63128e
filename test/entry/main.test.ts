import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger, ledgerPath } from '../../src/grant/ledger.ts';
import { decodeOpenGrant } from '../../src/grant/open-grant.ts';
import { REVOKER, startWorld, type World } from './world.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.close();
});

const ledger = () => new Ledger(ledgerPath(join(w.temp, 'jit-credentials')));
const phases = (id: string) =>
  ledger()
    .read()
    .events.filter((e) => e.grant === id)
    .map((e) => e.phase);

describe('main, run: (in process)', () => {
  it('issues, runs the command with the grant alone, closes in the same step and says so', async () => {
    const main = await w.main({
      run: [
        'echo "id=$AWS_ACCESS_KEY_ID" > /dev/null',
        'test -n "$AWS_SESSION_TOKEN"',
        'test -z "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-}" && test -z "${ACTIONS_RUNTIME_TOKEN:-}"',
        'test -z "${GITHUB_STATE:-}" && test -z "${INPUT_ROLE:-}"',
        'echo "SAFE=value" >> "$GITHUB_ENV"',
        'echo "result=ok" >> "$GITHUB_OUTPUT"',
      ].join('\n'),
    });
    expect(main.failures).toEqual([]);
    const id = main.outputs['grant-id']!;
    expect(phases(id)).toEqual(['requested', 'allowed', 'issued', 'delivered', 'used', 'closed']);
    expect(main.exported).toEqual({ SAFE: 'value' });
    expect(main.outputs['result']).toBe('ok');
    expect(main.state['closed']).toMatch(/^\d{4}-/);
    expect(decodeOpenGrant(main.state['grant']!)).toMatchObject({ id, mode: 'run', envNames: [] });
    expect(existsSync(join(w.temp, 'jit-credentials', id))).toBe(false);
    expect(main.summary).toContain('1 grant: 1 closed on the runner');
    expect(main.summary).toContain('run (exit 0)');
    // Said in the step's log too, which no other step can write (the summary takes anyone's text).
    expect(main.log.text()).toContain(`Closed grant ${id} (aws): expires.`);
  });

  it("drops a line that carries an issued secret from the command's GITHUB_ENV, and fails the step naming it", async () => {
    const main = await w.main({
      run: [
        'echo "LEAK=$AWS_SECRET_ACCESS_KEY" >> "$GITHUB_ENV"',
        'echo "ENCODED=$(printf %s "$AWS_SESSION_TOKEN" | base64 -w0)" >> "$GITHUB_ENV"',
        'echo "FINE=1" >> "$GITHUB_ENV"',
      ].join('\n'),
    });
    expect(main.exported).toEqual({ FINE: '1' });
    expect(main.failures.join('\n')).toContain("GITHUB_ENV 'LEAK', GITHUB_ENV 'ENCODED'");
    expect(main.log.text()).toMatch(/wrote an issued credential to GITHUB_ENV as 'LEAK'/);
    expect(phases(main.outputs['grant-id']!).at(-1)).toBe('closed');
  });

  it.runIf(existsSync('/proc/self/environ'))(
    'kills what the command left outside its process group, warns, and records it with the use',
    async () => {
      const ready = join(w.temp, `survivor-${process.pid}-${Date.now()}`);
      const main = await w.main({
        run:
          `setsid bash -c 'echo $$ > "${ready}.tmp"; mv "${ready}.tmp" "${ready}"; while :; do sleep 0.05; done' </dev/null >/dev/null 2>&1 &\n` +
          `until [ -e "${ready}" ]; do sleep 0.01; done`,
      });
      const survivor = Number(readFileSync(ready, 'utf8'));
      try {
        process.kill(survivor, 'SIGKILL');
      } catch {
        // Killed by the step, as it should be.
      }
      expect(main.failures).toEqual([]);
      expect(main.log.text()).toMatch(
        /The command left \d+ process(es)? outside its process group running/,
      );
      const id = main.outputs['grant-id']!;
      const used = ledger()
        .read()
        .events.find((e) => e.grant === id && e.phase === 'used') as Record<string, unknown>;
      expect(used['killedOutsideGroup']).toBeGreaterThanOrEqual(1);
      expect(decodeOpenGrant(main.state['grant']!)?.commandMarker).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  it('passes the exit code through and still closes', async () => {
    const main = await w.main({ run: 'exit 7' });
    expect(main.failures.join()).toContain('exited with code 7; the grant is closed');
    expect(phases(main.outputs['grant-id']!).at(-1)).toBe('closed');
    process.exitCode = 0;
  });

  it('with revoke-role, denies the session before the step ends and records it verified', async () => {
    const main = await w.main({ run: 'true', 'revoke-role': REVOKER });
    expect(main.failures).toEqual([]);
    const closed = ledger()
      .read()
      .events.find((e) => e.grant === main.outputs['grant-id'] && e.phase === 'closed')!;
    expect(closed).toMatchObject({ by: 'main', method: 'revoked', verified: true });
    expect(main.summary).toContain('1 revoked and verified');
    expect(main.log.text()).toContain(
      `Closed grant ${main.outputs['grant-id']!} (aws): revoked, verified.`,
    );
  });
});

describe('main, export: env, then post (in process)', () => {
  it("exports, and post closes it from main's state, emptying every variable", async () => {
    const main = await w.main({ export: 'env' });
    expect(main.failures).toEqual([]);
    expect(Object.keys(main.exported).sort()).toContain('AWS_SECRET_ACCESS_KEY');
    const post = await w.post(main);
    for (const name of Object.keys(main.exported)) expect(post.exported[name]).toBe('');
    expect(post.summary, post.log.text()).toContain('end of job');
  });

  it('a forged "revoked and verified" line does not change what post does or reports', async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    appendFileSync(
      ledger().path,
      JSON.stringify({
        time: new Date().toISOString(),
        grant: id,
        phase: 'closed',
        provider: 'aws',
        method: 'revoked',
        verified: true,
        note: 'forged',
      }) + '\n',
    );
    const post = await w.post(main);
    expect(post.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(post.summary).not.toContain('revoked and verified');
    expect(post.summary).toContain(`The ledger said grant \`${id}\` ended otherwise`);
  });

  it('a null line in the ledger is skipped with a warning; post still closes everything', async () => {
    const main = await w.main({ export: 'env' });
    appendFileSync(ledger().path, 'null\n');
    const post = await w.post(main);
    expect(post.log.text()).toMatch(
      /warning: The ledger .* holds 1 line\(s\) that are not jit-credentials events/,
    );
    expect(post.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
  });

  it('actions/revoke closes a grant whose delivery line was torn, and empties what the job holds', async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    appendFileSync(ledger().path, '{"time":"2026-01-01T00:00:00Z","grant":"' + id + '","pha');
    const revoke = await w.revoke({ 'grant-id': id });
    expect(revoke.outputs['closed']).toBe(id);
    expect(revoke.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(revoke.exported['AWS_SESSION_TOKEN']).toBe('');
  });
});

describe('endpoint overrides (in process)', () => {
  it('warns once that the GitHub token goes to an overridden endpoint, and records it with the decision', async () => {
    const main = await w.main({ run: 'true' });
    const warnings = main.log.lines
      .filter((l) => l.level === 'warning' && l.message.includes('OIDC token'))
      .map((l) => l.message);
    expect(warnings).toEqual([
      `AWS_ENDPOINT_URL=${w.env.aws.url}: the GitHub OIDC token for this grant is sent there, not to aws's own endpoint.`,
    ]);
    const allowed = ledger()
      .read()
      .events.find((e) => e.grant === main.outputs['grant-id'] && e.phase === 'allowed')!;
    expect(allowed['policy']).toMatchObject({
      endpointOverrides: [`AWS_ENDPOINT_URL=${w.env.aws.url}`],
    });
  });
});

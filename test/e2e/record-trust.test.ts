/**
 * The record a hostile step of the same job cannot falsify, through the committed bundles:
 * forged, null and torn ledger lines, a command that writes its secret to GITHUB_ENV, a main
 * step killed while its command runs, and a command that reads the action's environment.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { renderGfm } from '../runner/gfm.ts';
import {
  awsInputs,
  awsJob,
  errorsOf,
  issuedSecrets,
  ledgerEvents,
  REVOKER_ROLE,
  s3GetWith,
  startAwsWorld,
  type AwsWorld,
} from './aws-setup.ts';

let world: AwsWorld;
beforeAll(async () => {
  world = await startAwsWorld();
});
afterAll(async () => {
  await world?.close();
});

/** A live (not zombie) process in the group: /proc/<pid>/stat fields 3 (state) and 5 (pgrp). */
function groupAlive(group: number): boolean {
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') return true;
  }
  return false;
}

/** Alive and not a zombie: /proc/<pid>/stat field 3. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Ends a process a failing test left behind. */
function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone, as it should be.
  }
}

const ledgerOf = (job: { runnerTemp: string }) =>
  path.join(job.runnerTemp, 'jit-credentials', 'ledger.jsonl');

describe('a ledger any step can write', () => {
  it('a forged "revoked, verified" line: post still closes, checks the cloud itself, and says the ledger was wrong', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const id = main.outputs['grant-id']!;
    // What a later step of the job appends: a closing it never did.
    await job.runStep({
      entry: 'test/e2e/fixtures/append-line.mjs',
      id: 'forge',
      env: {
        FILE: ledgerOf(job),
        LINE: JSON.stringify({
          time: new Date().toISOString(),
          grant: id,
          phase: 'closed',
          provider: 'aws',
          method: 'revoked',
          verified: true,
          note: 'forged',
        }),
      },
    });
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.envWrites['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(post.summary).not.toMatch(/revoked and verified/);
    expect(post.summary).toMatch(/1 closed on the runner, expires/);
    expect(post.summary).toContain(`The ledger said grant \`${id}\` ended otherwise`);
    // The cloud was never asked to refuse it: the record does not pretend otherwise.
    expect(await s3GetWith(world)).not.toMatch(/AccessDenied/);
    await job.cleanup();
  });

  it('a null line: post warns, still closes and empties every variable', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    appendFileSync(ledgerOf(job), 'null\n');
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.annotations.map((a) => a.message).join('\n')).toMatch(
      /holds 1 line\(s\) that are not jit-credentials events/,
    );
    for (const name of Object.keys(main.envWrites)) expect(post.envWrites[name]).toBe('');
    await job.cleanup();
  });

  it('a torn line (a writer that crashed mid-line) swallows no event after it; actions/revoke still closes', async () => {
    const job = await awsJob(world);
    const first = await job.runStep({
      action: 'action.yml',
      id: 'first',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(first.exitCode, first.stderr).toBe(0);
    appendFileSync(ledgerOf(job), '{"time":"2026-11-30T00:00:00Z","grant":"aws-0000000000","pha');
    const second = await job.runStep({
      action: 'action.yml',
      id: 'second',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(second.exitCode, second.stderr).toBe(0);
    const revoke = await job.runStep({
      action: 'actions/revoke/action.yml',
      id: 'revoke',
      inputs: {},
    });
    // A line that is not an event of ours may hide grants from revoke: it closes, and fails.
    expect(revoke.exitCode).toBe(1);
    expect(errorsOf(revoke)).toMatch(/holds 1 line\(s\) that are not jit-credentials events/);
    expect(revoke.outputs['closed']!.split(',').sort()).toEqual(
      [first.outputs['grant-id'], second.outputs['grant-id']].sort(),
    );
    for (const name of Object.keys(second.envWrites)) expect(job.env[name]).toBe('');
    // Every event of the second grant is its own, parseable line: the torn one took nothing with it.
    const events = readFileSync(ledgerOf(job), 'utf8')
      .split('\n')
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
    const phases = events
      .filter((e) => e['grant'] === second.outputs['grant-id'])
      .map((e) => e['phase']);
    // `used` is actions/revoke saying how long the export stayed reachable, before it closed it.
    expect(phases).toEqual(['requested', 'allowed', 'issued', 'delivered', 'used', 'closed']);
    await job.cleanup();
  });
});

describe('a ledger a step broke (F2)', () => {
  it('ledger.jsonl replaced by a directory: post still revokes and scrubs its own grant, writes its block, and fails', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env', 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const session = world.aws.issued.findLastIndex((c) => c.roleArn !== REVOKER_ROLE);
    // What a later step does: rm "$L"; mkdir "$L".
    rmSync(ledgerOf(job));
    mkdirSync(ledgerOf(job));
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(1);
    expect(errorsOf(post)).toMatch(
      /ledger .*ledger\.jsonl was tampered with: .*not a regular file/s,
    );
    for (const name of Object.keys(main.envWrites)) expect(post.envWrites[name], name).toBe('');
    expect(post.summary).toContain(main.outputs['grant-id']!);
    expect(post.summary).toMatch(/was tampered with/);
    expect(await s3GetWith(world, session)).toMatch(/^AccessDenied: .*explicit deny/);
    await job.cleanup();
  });

  it('RUNNER_TEMP/jit-credentials replaced by a file: post empties the variables, says the files were out of reach, and fails', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const dir = path.dirname(ledgerOf(job));
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(1);
    expect(errorsOf(post)).toMatch(/was tampered with: .*jit-credentials: it is not a directory/s);
    for (const name of Object.keys(main.envWrites)) expect(post.envWrites[name], name).toBe('');
    expect(post.summary).toMatch(/could not be reached, so were not deleted/);
    await job.cleanup();
  });
});

describe('what the run: command can reach', () => {
  it('a line carrying its secret in GITHUB_ENV is dropped with an error naming it; the rest is passed on', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'leaky',
      inputs: awsInputs({
        run: [
          'echo "STOLEN=$AWS_SECRET_ACCESS_KEY" >> "$GITHUB_ENV"',
          'echo "B64=$(printf %s "$AWS_SESSION_TOKEN" | base64 -w0)" >> "$GITHUB_OUTPUT"',
          'echo "BUILD=42" >> "$GITHUB_ENV"',
          'echo "ok=yes" >> "$GITHUB_OUTPUT"',
          'echo "# command summary" >> "$GITHUB_STEP_SUMMARY"',
          'printf "%s\\n" "${GITHUB_STATE:-no-state}" "${ACTIONS_RUNTIME_TOKEN:-no-runtime}" "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-no-oidc}"',
        ].join('\n'),
      }),
    });
    expect(main.exitCode).not.toBe(0);
    const errors = main.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n');
    expect(errors).toContain("GITHUB_ENV as 'STOLEN'");
    expect(errors).toContain("GITHUB_OUTPUT as 'B64'");
    expect(main.envWrites).toEqual({ BUILD: '42' });
    expect(main.outputs['ok']).toBe('yes');
    expect(main.outputs['B64']).toBeUndefined();
    expect(main.stdout).toContain('no-state\nno-runtime\nno-oidc');
    expect(main.summary).toMatch(/written by the `run:` command[\s\S]*# command summary/);
    expect(leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [])).toEqual([]);
    await job.cleanup();
  });

  it('its GITHUB_ENV naming the step summary, the state or the outputs moves none of them: the record, state and outputs still reach the step', async () => {
    const job = await awsJob(world);
    const elsewhere = path.join(job.runnerTemp, 'elsewhere');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'mover',
      inputs: awsInputs({
        run: [
          `mkdir -p '${elsewhere}'`,
          'echo "GITHUB_STEP_SUMMARY=" >> "$GITHUB_ENV"',
          `for f in STATE OUTPUT; do : > '${elsewhere}'/$f; echo "GITHUB_$f=${elsewhere}/$f" >> "$GITHUB_ENV"; done`,
          `echo "/opt/elsewhere/bin" >> "$GITHUB_PATH"`,
        ].join('\n'),
      }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    // Passed on to later steps as the command wrote them, as the runner would.
    expect(main.envWrites['GITHUB_STEP_SUMMARY']).toBe('');
    expect(main.summary).toMatch(/jit-credentials · aws · run[\s\S]*1 grant: 1 closed/);
    expect(main.outputs['grant-id']).toMatch(/^aws-[0-9a-f]{10}$/);
    expect(readFileSync(path.join(elsewhere, 'STATE'), 'utf8')).toBe('');
    expect(readFileSync(path.join(elsewhere, 'OUTPUT'), 'utf8')).toBe('');
    await job.cleanup();
  });

  it("its own step summary comes after the action's record, as text: a forged record and an open <!-- hide nothing", async () => {
    const job = await awsJob(world);
    const forged = [
      '### 🔑 jit-credentials · aws · run · step `deploy`',
      '',
      '**1 grant: 1 revoked and verified**',
      '',
      '<!--',
    ].join('\n');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'forger',
      inputs: awsInputs({ run: `cat >> "$GITHUB_STEP_SUMMARY" <<'EOF'\n${forged}\nEOF` }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const real = main.summary.indexOf('**1 grant: 1 closed on the runner');
    expect(real).toBeGreaterThanOrEqual(0);
    expect(main.summary.indexOf('written by the `run:` command')).toBeGreaterThan(real);
    // What a reader sees outside code blocks: the real record, and nothing of the forgery.
    const page = renderGfm(main.summary).replace(/<pre>[\s\S]*?<\/pre>/g, '');
    expect(page).toContain('1 grant: 1 closed on the runner');
    expect(page).not.toMatch(/revoked and verified|<!--/);
    await job.cleanup();
  });

  it('a GITHUB_ENV line whose name is the secret is dropped without its name reaching the ledger or the log', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'name',
      inputs: awsInputs({ run: 'echo "${AWS_SECRET_ACCESS_KEY}=1" >> "$GITHUB_ENV"' }),
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.envWrites).toEqual({});
    expect(ledgerEvents(main).find((e) => e['phase'] === 'used')).toMatchObject({
      dropped: ['GITHUB_ENV:(an entry whose name holds it)'],
    });
    expect(leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [])).toEqual([]);
    await job.cleanup();
  });

  it('SIGKILL of the main step while its command runs: post ends the command before closing, and says so', async () => {
    const job = await awsJob(world);
    const marker = path.join(job.workspace, 'still-running');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'killed',
      inputs: awsInputs({
        // The command outlives its parent, then keeps proving it has the credential.
        run: `kill -KILL $PPID; while true; do date > "${marker}"; sleep 0.1; done`,
      }),
    });
    expect(main.signal ?? main.exitCode).toBeTruthy();
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.summary).toMatch(/process group \d+ was killed before the grant was closed/);
    // The group is gone: waited for as a condition (the kernel reaps it), bounded by the test's timeout.
    const group = Number(/process group (\d+)/.exec(post.summary)![1]);
    while (groupAlive(group)) await new Promise((r) => setImmediate(r));
    expect(existsSync(marker)).toBe(true);
    await job.cleanup();
  });

  it("writes to the step's real file-command files (paths from /proc/$PPID/environ) are taken back and fail the step", async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'direct',
      inputs: awsInputs({
        run: [
          'real() { tr "\\0" "\\n" < /proc/$PPID/environ | sed -n "s/^$1=//p"; }',
          'echo "STOLEN=$AWS_SECRET_ACCESS_KEY" >> "$(real GITHUB_ENV)"',
          'echo "stolen=$AWS_SESSION_TOKEN" >> "$(real GITHUB_OUTPUT)"',
          'echo "# $AWS_SECRET_ACCESS_KEY" >> "$(real GITHUB_STEP_SUMMARY)"',
          'echo "grant=forged" >> "$(real GITHUB_STATE)"',
          'echo "BUILD=42" >> "$GITHUB_ENV"',
        ].join('\n'),
      }),
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.envWrites).toEqual({ BUILD: '42' });
    expect(main.outputs['stolen']).toBeUndefined();
    // The state post reads is main's own, not the forged line.
    expect(JSON.parse(main.state['grant']!)).toMatchObject({ mode: 'run' });
    const errors = main.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n');
    for (const file of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'])
      expect(errors).toContain(`The command wrote to the step's own ${file} file directly`);
    expect(leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [])).toEqual([]);
    await job.cleanup();
  });

  it('processes it started outside its process group (setsid, set -m) are killed before the grant is closed', async () => {
    const job = await awsJob(world);
    const pids = [path.join(job.workspace, 'setsid'), path.join(job.workspace, 'jobs')];
    const survivor = (start: string, pidFile: string) =>
      `${start} 'echo $$ > "${pidFile}.tmp"; mv "${pidFile}.tmp" "${pidFile}"; while :; do sleep 0.1; done' </dev/null >/dev/null 2>&1 &`;
    const main = await job.runStep({
      action: 'action.yml',
      id: 'daemon',
      inputs: awsInputs({
        run: [
          survivor('setsid sh -c', pids[0]!),
          survivor('set -m; sh -c', pids[1]!),
          `until [ -e "${pids[0]}" ] && [ -e "${pids[1]}" ]; do sleep 0.01; done`,
        ].join('\n'),
      }),
    });
    const survivors = pids.map((f) => Number(readFileSync(f, 'utf8')));
    try {
      expect(main.exitCode, main.stderr).toBe(0);
      expect(main.annotations.map((a) => a.message).join('\n')).toMatch(
        /The command left \d+ processes outside its process group running \(setsid or job control\); they were killed\./,
      );
      const used = ledgerEvents(main).find((e) => e['phase'] === 'used')!;
      expect(used['killedOutsideGroup']).toBeGreaterThanOrEqual(2);
      // Killed before the step ended; gone once the kernel has reaped them (bounded by the test's timeout).
      while (survivors.some(alive)) await new Promise((r) => setImmediate(r));
    } finally {
      for (const pid of survivors) kill(pid);
    }
    await job.cleanup();
  });

  it('SIGKILL of the main step after its command daemonised: post kills what carries its marker too', async () => {
    const job = await awsJob(world);
    const pidFile = path.join(job.workspace, 'survivor');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'killed-daemon',
      inputs: awsInputs({
        run: [
          `setsid sh -c 'echo $$ > "${pidFile}.tmp"; mv "${pidFile}.tmp" "${pidFile}"; while :; do sleep 0.1; done' </dev/null >/dev/null 2>&1 &`,
          `until [ -e "${pidFile}" ]; do sleep 0.01; done`,
          'kill -KILL $PPID; sleep 30',
        ].join('\n'),
      }),
    });
    const survivor = Number(readFileSync(pidFile, 'utf8'));
    try {
      expect(main.signal ?? main.exitCode).toBeTruthy();
      const post = await job.runPost(main);
      expect(post.exitCode).toBe(0);
      expect(post.summary).toMatch(/process group \d+ was killed before the grant was closed/);
      expect(post.summary).toMatch(
        /The command had left \d+ process(es)? outside its process group running \(setsid or job control\)/,
      );
      while (alive(survivor)) await new Promise((r) => setImmediate(r));
    } finally {
      kill(survivor);
    }
    await job.cleanup();
  });

  it('with revoke-role in run: mode, the grant is revoked and verified within the step', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'revoked',
      inputs: awsInputs({ run: 'true', 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    expect(ledgerEvents(main).at(-1)).toMatchObject({
      phase: 'closed',
      by: 'main',
      method: 'revoked',
      verified: true,
    });
    expect(main.summary).toContain('1 revoked and verified');
    await job.cleanup();
  });
});

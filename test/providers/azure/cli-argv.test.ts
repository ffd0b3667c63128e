/**
 * `az login` gets the GitHub token on its standard input (`--federated-token @-`), never on its
 * command line, which every local user can read in /proc/<pid>/cmdline. A stand-in `az` records
 * what it was started with; the real one is exercised in test/clients/azure-cli.test.ts.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CloudError } from '../../../src/errors.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import { privateDir, privateSubdir } from '../../../src/runner/temp.ts';
import { azLogin } from '../../../src/providers/azure/cli.ts';
import type { AzureSettings } from '../../../src/providers/azure/settings.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Records its argv as the kernel shows it to others, and what came on stdin; exits with $FAKE_AZ_EXIT. */
const FAKE_AZ = `#!/bin/sh
tr '\\0' '\\n' < /proc/$$/cmdline > "$FAKE_AZ_LOG.cmdline"
# Like az, it reads stdin only for an argument given as @-.
case " $* " in *" @- "*) cat > "$FAKE_AZ_LOG.stdin" ;; *) : > "$FAKE_AZ_LOG.stdin" ;; esac
if [ "\${FAKE_AZ_EXIT:-0}" != 0 ]; then
  echo "AADSTS700024: Client assertion $(cat "$FAKE_AZ_LOG.stdin") is not within its valid time range." >&2
fi
exit "\${FAKE_AZ_EXIT:-0}"
`;

const TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvc2l0ZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'az-argv-'));
  made.push(root);
  const az = join(root, 'az');
  writeFileSync(az, FAKE_AZ);
  chmodSync(az, 0o755);
  const grantDir = privateSubdir(privateDir(join(root)), 'azure-1');
  const settings = {
    clientId: '00000000-0000-0000-0000-000000000001',
    tenantId: '11111111-1111-1111-1111-111111111111',
    subscriptionId: undefined,
    scope: 'https://management.azure.com/.default',
    authority: 'https://login.microsoftonline.com',
    cloudName: 'AzureCloud',
    audience: 'api://AzureADTokenExchange',
    azLogin: true,
    azPath: az,
    mode: 'run',
  } satisfies AzureSettings;
  const log = join(root, 'az');
  return { root, grantDir, settings, log, env: { PATH: process.env['PATH'], RUNNER_TEMP: root } };
}

describe('azLogin', () => {
  it('passes the token on stdin, and az sees `@-` where the token used to be', async () => {
    const { grantDir, settings, log, env } = setup();
    const login = await azLogin(
      settings,
      TOKEN,
      grantDir,
      { ...env, FAKE_AZ_LOG: log },
      new RecordingLogger(),
    );
    const argv = readFileSync(`${log}.cmdline`, 'utf8').split('\n');
    expect(argv).toContain('login');
    expect(
      argv.slice(argv.indexOf('--federated-token'), argv.indexOf('--federated-token') + 2),
    ).toEqual(['--federated-token', '@-']);
    expect(argv.join(' ')).not.toContain(TOKEN);
    expect(readFileSync(`${log}.stdin`, 'utf8')).toBe(TOKEN);
    expect(login.configDir).toBe(join(grantDir, 'az'));
    // Nothing holding the token was left in the grant's directory by the handover itself.
    expect(existsSync(join(grantDir, 'az', 'service_principal_entries.json'))).toBe(false);
  });

  it('on failure, the error names the exit code and az says, with the token starred out', async () => {
    const { grantDir, settings, log, env } = setup();
    const err = await azLogin(
      settings,
      TOKEN,
      grantDir,
      { ...env, FAKE_AZ_LOG: log, FAKE_AZ_EXIT: '1' },
      new RecordingLogger(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toContain('failed (exit 1)');
    expect((err as Error).message).toContain('AADSTS700024: Client assertion *** is not within');
    expect((err as Error).message).not.toContain(TOKEN);
    expect(readFileSync(`${log}.cmdline`, 'utf8')).not.toContain(TOKEN);
  });
});

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1, made with the
 * system's `openssl` (Node can sign data but not build X.509 certificates).
 *
 * Clients must trust the CA, never skip verification: MSAL and @azure/identity refuse plain HTTP
 * authorities, so the emulator runs HTTPS and each client is told about this CA the way it
 * would be told about a corporate one (NODE_EXTRA_CA_CERTS for Node, REQUESTS_CA_BUNDLE for
 * the Azure CLI's Python).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCa {
  /** Directory holding the files below; the caller may delete it when done. */
  dir: string;
  caPath: string;
  caPem: string;
  keyPem: string;
  certPem: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(
      `openssl ${args[0]} failed (is openssl installed?): ${stderr || (err as Error).message}`,
      { cause: err },
    );
  }
}

/**
 * `key`: RSA 2048 by default; 'ec' (P-256) where the handshakes' cost to the server matters,
 * as in the benchmark's TLS rounds, whose emulators share one process with the measuring loop.
 */
export function createTestCa(name = 'jit-credentials test CA', key: 'rsa' | 'ec' = 'rsa'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'entra-ca-'));
  const newKey =
    key === 'ec'
      ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']
      : ['-newkey', 'rsa:2048'];
  openssl(
    [
      'req',
      '-x509',
      ...newKey,
      '-nodes',
      '-sha256',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    [
      'req',
      ...newKey,
      '-nodes',
      '-sha256',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
    ],
    dir,
  );
  // Python's ssl (the Azure CLI) checks SAN and key usage strictly; Node checks SAN.
  writeFileSync(
    join(dir, 'server.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      `keyUsage=critical,digitalSignature${key === 'rsa' ? ',keyEncipherment' : ''}`,
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'authorityKeyIdentifier=keyid',
      'subjectKeyIdentifier=hash',
    ].join('\n') + '\n',
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-sha256',
      '-extfile',
      'server.ext',
      '-out',
      'server.pem',
    ],
    dir,
  );
  const caPath = join(dir, 'ca.pem');
  return {
    dir,
    caPath,
    caPem: readFileSync(caPath, 'utf8'),
    keyPem: readFileSync(join(dir, 'server.key'), 'utf8'),
    certPem: readFileSync(join(dir, 'server.pem'), 'utf8'),
  };
}

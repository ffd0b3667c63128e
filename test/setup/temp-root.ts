/**
 * Every test's temporary files go under one directory made for the run and removed after it:
 * a test that fails before its own clean-up, or a child process it could not stop, leaves nothing
 * behind in the machine's /tmp. Set before the workers start, so they and their children inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'jit-tests-'));
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}

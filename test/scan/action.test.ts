import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScanAction } from '../../src/entry/scan.ts';
import { RecordingLogger } from '../../src/runner/logger.ts';
import type { Runner } from '../../src/runner/runner.ts';

const repo = join(import.meta.dirname, 'fixtures/repo');

function fakeRunner(inputs: Record<string, string>) {
  const temp = mkdtempSync(join(tmpdir(), 'scan-action-'));
  const log = new RecordingLogger();
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  const failures: string[] = [];
  const env: Record<string, string> = { GITHUB_WORKSPACE: repo, RUNNER_TEMP: temp };
  const runner: Runner = {
    log,
    input: (n) => inputs[n] ?? '',
    mask: () => {},
    setOutput: (n, v) => void (outputs[n] = v),
    exportVariable: () => {},
    passOnVariable: () => {},
    passOnPath: () => {},
    saveState: () => {},
    getState: () => '',
    appendSummary: async (m) => void summary.push(m),
    fail: (m) => void failures.push(m),
    env: (n) => env[n],
  };
  return { runner, log, outputs, summary, failures, temp };
}

describe('scan action', () => {
  it('annotates, writes SARIF and the summary, sets outputs and fails at the threshold', async () => {
    const r = fakeRunner({ path: '.github/workflows/aws.yml\n.github/workflows/gcp.yml' });
    await runScanAction(r.runner);
    const annotations = r.log.lines.filter((l) => l.message.startsWith('::'));
    expect(annotations.length).toBe(Number(r.outputs['findings']));
    expect(annotations[0]!.message).toMatch(/^::error file=\.github\/workflows\/aws\.yml,line=6,/);
    expect(r.outputs['sarif-file']).toBe(join(r.temp, 'jit-credentials.sarif'));
    expect(JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')).version).toBe('2.1.0');
    expect(r.summary.join('')).toMatch(/## jit-credentials scan/);
    expect(Number(r.outputs['static-key-uses'])).toBeGreaterThan(10);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/at or above 'high'.*ignore\[RULE\] reason/);
  });

  it('passes with fail-on none and can skip annotations and summary', async () => {
    const r = fakeRunner({
      'fail-on': 'none',
      annotations: 'false',
      summary: 'false',
      'sarif-file': 'out/scan.sarif',
    });
    await runScanAction(r.runner);
    expect(r.failures).toEqual([]);
    expect(r.log.lines.some((l) => l.message.startsWith('::'))).toBe(false);
    expect(r.summary).toEqual([]);
    // A relative sarif-file is resolved against the workspace.
    expect(existsSync(join(repo, 'out/scan.sarif'))).toBe(true);
    rmSync(join(repo, 'out'), { recursive: true, force: true });
  });

  it('fails on a file it could not check, even at fail-on critical; passes it only at none', async () => {
    const r = fakeRunner({ path: '.github/workflows/broken.yml', 'fail-on': 'critical' });
    await runScanAction(r.runner);
    expect(r.failures).toHaveLength(1);
    expect(r.outputs['failing']).toBe('1');
    expect(r.log.lines.at(-1)?.message).toMatch(/^0 files checked, 1 could not be checked: /);
    const none = fakeRunner({ path: '.github/workflows/broken.yml', 'fail-on': 'none' });
    await runScanAction(none.runner);
    expect(none.failures).toEqual([]);
  });

  it('a bad input fails the step with a message that says what to change', async () => {
    const r = fakeRunner({ 'fail-on': 'hgh' });
    await runScanAction(r.runner);
    expect(r.failures).toEqual([
      "Invalid fail-on 'hgh'. Expected one of: none, low, medium, high, critical.",
    ]);
    const b = fakeRunner({ annotations: 'yes' });
    await runScanAction(b.runner);
    expect(b.failures[0]).toMatch(/Invalid annotations 'yes'. Expected true or false/);
  });
});

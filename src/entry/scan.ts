import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { Inputs } from '../runner/inputs.js';
import { actionsRunner, type Runner } from '../runner/runner.js';
import { formatAnnotations } from '../scan/report/github.js';
import { summarise } from '../scan/report/summary-data.js';
import { FAIL_ON, render, runScan } from '../scan/run.js';
import { reportFailure } from './report.js';

export async function main(): Promise<void> {
  await runScanAction(actionsRunner());
}

/** Input names, as in actions/scan/action.yml. */
export const INPUT = {
  path: 'path',
  failOn: 'fail-on',
  config: 'config',
  sarifFile: 'sarif-file',
  annotations: 'annotations',
  summary: 'summary',
} as const;

export interface ScanSettings {
  paths: string[];
  failOn: (typeof FAIL_ON)[number];
  config?: string;
  sarifFile: string;
  annotations: boolean;
  summary: boolean;
}

export function readScanInputs(runner: Runner): Readonly<ScanSettings> {
  const inputs = new Inputs(runner);
  const paths = inputs.list(INPUT.path);
  const temp = runner.env('RUNNER_TEMP') ?? '.';
  return Object.freeze({
    paths: paths.length > 0 ? paths : ['.github'],
    failOn: inputs.oneOf(INPUT.failOn, FAIL_ON, 'high')!,
    config: inputs.optional(INPUT.config),
    sarifFile: inputs.optional(INPUT.sarifFile) ?? join(temp, 'jit-credentials.sarif'),
    annotations: inputs.boolean(INPUT.annotations, true),
    summary: inputs.boolean(INPUT.summary, true),
  });
}

/** The scan action: annotations, a SARIF file, the job summary, outputs, and a failing status at the threshold. */
export async function runScanAction(runner: Runner): Promise<void> {
  try {
    const settings = readScanInputs(runner);
    const cwd = runner.env('GITHUB_WORKSPACE') ?? process.cwd();
    const outcome = runScan({
      paths: settings.paths,
      cwd,
      configPath: settings.config,
      failOn: settings.failOn,
    });
    const { result } = outcome;
    if (settings.annotations) {
      for (const line of formatAnnotations(result.findings).split('\n'))
        if (line) runner.log.info(line);
    }
    const sarifPath = isAbsolute(settings.sarifFile)
      ? settings.sarifFile
      : join(cwd, settings.sarifFile);
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, render(outcome, 'sarif'));
    if (settings.summary) await runner.appendSummary(render(outcome, 'markdown'));
    const s = summarise(result);
    runner.setOutput('findings', String(s.findings));
    runner.setOutput('failing', String(outcome.failing));
    runner.setOutput(
      'static-key-uses',
      String(Object.values(s.staticKeyUses).reduce((a, b) => a + b, 0)),
    );
    runner.setOutput('sarif-file', sarifPath);
    runner.log.info(render(outcome, 'text').trimEnd().split('\n').at(-1) ?? '');
    if (outcome.failing > 0) {
      runner.fail(
        `${outcome.failing} finding${outcome.failing === 1 ? '' : 's'} at or above '${outcome.failOn}'. ` +
          'Replace the keys with OIDC as each annotation says, or suppress an accepted one with `# jit-credentials: ignore[RULE] reason`.',
      );
    }
  } catch (err) {
    reportFailure(runner, err);
  }
}

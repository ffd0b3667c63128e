import { writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { verbArgs } from './args.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import {
  FAIL_ON,
  FORMATS,
  exitCode,
  render,
  runScan,
  type FailOn,
  type Format,
} from '../scan/run.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const USAGE = `Usage: jit-credentials scan [PATH...] [options]

Finds long-lived cloud credentials in GitHub workflows and composite actions, and shows the
OIDC replacement for each. PATH is a file or directory (default .github/).

Options:
  -f, --format FORMAT    text (default), json, sarif, github (annotations), markdown
      --fail-on LEVEL    none, low, medium, high (default), critical: exit 1 when a finding
                         is at or above LEVEL
  -c, --config FILE      scan config (default .github/jit-credentials-scan.yml when present)
  -o, --output FILE      write the report to FILE instead of standard output
      --repository NAME  OWNER/REPO recorded in the JSON report (for jit-credentials report)
  -h, --help             show this help

Exit codes: 0 no finding at the threshold, 1 findings at the threshold, 2 a usage or config
error, a path with no workflow files, or a file that could not be checked (parsed or read),
unless --fail-on none.
`;

/** `jit-credentials scan ...`: returns the exit code. */
export async function scanCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = verbArgs(
    argv,
    {
      format: { type: 'string', short: 'f' },
      'fail-on': { type: 'string' },
      config: { type: 'string', short: 'c' },
      output: { type: 'string', short: 'o' },
      repository: { type: 'string' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    const format = choose('--format', values.format ?? 'text', FORMATS) as Format;
    const failOn =
      values['fail-on'] === undefined
        ? undefined
        : (choose('--fail-on', values['fail-on'], FAIL_ON) as FailOn);
    if (
      values.repository !== undefined &&
      !/^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(values.repository)
    )
      throw new ConfigurationError(
        `Invalid --repository '${values.repository}'. Expected OWNER/REPO, for example octo-org/web.`,
      );
    const paths = positionals.length > 0 ? positionals : ['.github'];
    const outcome = runScan({ paths, cwd: io.cwd, configPath: values.config, failOn });
    const report = render(outcome, format, { repository: values.repository });
    if (values.output) {
      writeFileSync(
        isAbsolute(values.output) ? values.output : join(io.cwd, values.output),
        report,
      );
      if (format !== 'text')
        io.stderr(
          render(outcome, 'text')
            .split('\n')
            .filter((l) => l !== '')
            .at(-1) + '\n',
        );
    } else {
      io.stdout(report);
    }
    for (const p of outcome.result.files) {
      if (p.notChecked !== undefined)
        io.stderr(`error: ${p.file} was not checked: ${p.notChecked}\n`);
    }
    return exitCode(outcome);
  } catch (err) {
    if (err instanceof ConfigurationError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    io.stderr(`jit-credentials scan failed: ${errorMessage(err)}\n`);
    return 2;
  }
}

function choose(option: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) {
    throw new ConfigurationError(
      `Invalid ${option} '${value}'. Expected one of: ${allowed.join(', ')}.`,
    );
  }
  return value;
}

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { verbArgs } from './args.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { formatOrgMarkdown, mergeResults, type ResultInput } from '../scan/org/merge.js';
import type { CliIo } from './scan.js';

const USAGE = `Usage: jit-credentials report [options] RESULT.json|DIR...

Merges the JSON results of 'jit-credentials scan -f json --repository OWNER/REPO' for many
repositories into one report: totals, long-lived key uses by cloud, files on OIDC, a table of
repositories (most key uses first) and every finding, worst first. A directory stands for the
*.json files in it. A result that cannot be read is listed as a repository without a result.

Options:
  -o, --markdown FILE    write the Markdown summary to FILE (default: standard output)
      --json FILE        also write the merged JSON report to FILE
      --expected FILE    JSON list of the repositories that should have a result (the output of
                         'jit-credentials repos'); each one without a result is reported as such
  -h, --help             show this help

Exit codes: 0 report written, 2 a usage error or no result at all.
`;

/** Each result is one repository's workflows: a few MB at most. */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

/** `jit-credentials report ...`: returns the exit code. */
export async function reportCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = verbArgs(
    argv,
    {
      markdown: { type: 'string', short: 'o' },
      json: { type: 'string' },
      expected: { type: 'string' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    const at = (p: string) => (isAbsolute(p) ? p : join(io.cwd, p));
    const expected = values.expected ? readExpected(at(values.expected), values.expected) : [];
    const inputs = readInputs(positionals, io.cwd, expected.length > 0);
    const report = mergeResults(inputs, expected);
    const markdown = formatOrgMarkdown(report);
    if (values.json) writeFileSync(at(values.json), JSON.stringify(report, null, 2) + '\n');
    if (values.markdown) writeFileSync(at(values.markdown), markdown);
    else io.stdout(markdown);
    const s = report.summary;
    io.stderr(
      `${s.repositories} repositories (${s.failed} without a result): ${s.repositoriesWithKeys} use long-lived keys, ${s.findings} findings.\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof ConfigurationError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    io.stderr(`jit-credentials report failed: ${errorMessage(err)}\n`);
    return 2;
  }
}

function readExpected(abs: string, given: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (err) {
    throw new ConfigurationError(
      `--expected '${given}' is not a JSON list of repositories: ${errorMessage(err)}`,
    );
  }
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string'))
    throw new ConfigurationError(`--expected '${given}' must be a JSON list of OWNER/REPO names.`);
  // Matrix entries hold several names separated by spaces.
  const names = raw.flatMap((x: string) => x.split(/\s+/)).filter((x) => x !== '');
  const bad = names.find((n) => !/^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(n));
  if (bad !== undefined)
    throw new ConfigurationError(`--expected '${given}' names '${bad}', which is not OWNER/REPO.`);
  return names;
}

function readInputs(paths: string[], cwd: string, allowEmpty: boolean): ResultInput[] {
  if (paths.length === 0 && !allowEmpty)
    throw new ConfigurationError(
      'Give the JSON results to merge: files, or directories of *.json files.',
    );
  const files: string[] = [];
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new ConfigurationError(`Result '${p}' does not exist.`);
    }
    if (st.isDirectory()) {
      const found = readdirSync(abs)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(abs, f));
      if (found.length === 0 && !allowEmpty)
        throw new ConfigurationError(`No *.json results in '${p}'.`);
      files.push(...found);
    } else files.push(abs);
  }
  return files.map((f) => {
    const size = statSync(f).size;
    if (size > MAX_RESULT_BYTES)
      return {
        source: f,
        text: JSON.stringify({
          version: 1,
          error: `the result is ${size} bytes, more than the ${MAX_RESULT_BYTES} read`,
        }),
      };
    return { source: f, text: readFileSync(f, 'utf8') };
  });
}

import { writeFileSync } from 'node:fs';
import { readBounded } from '../scan/engine.js';
import { verbArgs } from './args.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { findTargets } from '../scan/files.js';
import { unifiedDiff } from '../scan/fix/diff.js';
import { DEFAULT_ACTION, fixText, type FileFix } from '../scan/fix/plan.js';
import type { CliIo } from './scan.js';

const USAGE = `Usage: jit-credentials fix [--diff] [PATH...] [options]

Rewrites the common static-key patterns of workflows and composite actions into their OIDC form,
keeping comments and formatting: configure-aws-credentials keys → role-to-assume;
google-github-actions/auth credentials_json → workload_identity_provider + service_account;
azure/login creds → client-id/tenant-id/subscription-id; AWS_*, ARM_CLIENT_SECRET,
AZURE_CLIENT_SECRET and GOOGLE_CREDENTIALS in env → a jit-credentials step with export: env.
Adds id-token: write to each job it changes. Placeholders such as <ROLE_NAME> are marked with
"# jit-credentials fix:"; fill them in. What it cannot rewrite is left as it is, with a note.
PATH is a file or directory (default .github/).

Options:
      --diff             print a unified diff (for git apply) instead of writing the files
      --action REF       uses: of inserted jit-credentials steps (default ${DEFAULT_ACTION})
  -h, --help             show this help

Exit codes: 0 no long-lived key use left, 1 some left for a person (listed), 2 a usage error or
a file that could not be read or parsed.
`;

/** `jit-credentials fix ...`: returns the exit code. */
export async function fixCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = verbArgs(
    argv,
    {
      diff: { type: 'boolean' },
      action: { type: 'string' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    if (values.action !== undefined && !/^[\w.-]+\/[\w./-]+@[\w./-]+$/.test(values.action))
      throw new ConfigurationError(
        `Invalid --action '${values.action}'. Expected OWNER/REPO@REF, for example ${DEFAULT_ACTION}.`,
      );
    const targets = findTargets(positionals.length > 0 ? positionals : ['.github'], io.cwd);
    const report = values.diff ? io.stderr : io.stdout;
    let broken = false;
    let left = 0;
    let changed = 0;
    let fixed = 0;
    for (const t of targets) {
      let text: string;
      try {
        text = readBounded(t.abs);
      } catch (err) {
        io.stderr(`error: ${t.rel} could not be read: ${errorMessage(err)}\n`);
        broken = true;
        continue;
      }
      const fix = fixText(text, t.rel, t.kind, { action: values.action });
      if (fix.left.some((n) => n.message.startsWith('not fixed: the file could not be parsed')))
        broken = true;
      if (fix.after !== fix.before) {
        changed++;
        fixed += fix.fixed.length;
        if (values.diff) io.stdout(unifiedDiff(fix.before, fix.after, `a/${t.rel}`, `b/${t.rel}`));
        else writeFileSync(t.abs, fix.after);
      }
      left += fix.left.length;
      report(describe(fix));
    }
    report(
      `${changed} file${changed === 1 ? '' : 's'} ${values.diff ? 'would change' : 'changed'} (${fixed} rewrite${fixed === 1 ? '' : 's'}); ${left} long-lived key use${left === 1 ? '' : 's'} left for a person.\n`,
    );
    if (broken) return 2;
    return left > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof ConfigurationError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    io.stderr(`jit-credentials fix failed: ${errorMessage(err)}\n`);
    return 2;
  }
}

function describe(fix: FileFix): string {
  const rows = [
    ...fix.fixed.map((n) => `  fixed ${n.line}: ${n.message}`),
    ...fix.notes.map((n) => `  note  ${n.line}: ${n.message}`),
    ...fix.left.map((n) => `  left  ${n.line}: ${n.message}`),
  ];
  return rows.length === 0 ? '' : `${fix.file}\n${rows.join('\n')}\n`;
}

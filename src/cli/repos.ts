import { verbArgs } from './args.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { listRepositories, matrixOf } from '../scan/org/list.js';
import type { CliIo } from './scan.js';

const USAGE = `Usage: jit-credentials repos ORG [options]

Lists the repositories of a GitHub organisation (or user) through the REST API, following every
page, for a scan matrix. Archived repositories and forks are left out unless asked for.
The API is GITHUB_API_URL (default https://api.github.com); the token is GITHUB_TOKEN or GH_TOKEN.

Options:
      --include-archived  list archived repositories too
      --include-forks     list forks too
      --format FORMAT     json (default): a JSON list of OWNER/REPO; matrix: a JSON list of
                          job entries, each a space-separated group of OWNER/REPO, at most 256
      --per-job N         with --format matrix: repositories per job (default: as few as keep
                          the matrix at 256 jobs or fewer)
      --max-pages N       stop with an error after N pages of 100 (default 100)
  -h, --help              show this help

Exit codes: 0 listed, 2 a usage error, or the API refused or failed.
`;

export interface ReposIo extends CliIo {
  env: (name: string) => string | undefined;
  fetch?: typeof fetch;
}

/** `jit-credentials repos ORG`: returns the exit code. */
export async function reposCli(argv: string[], io: CliIo & Partial<ReposIo>): Promise<number> {
  const env = io.env ?? ((n: string) => process.env[n]);
  const parsed = verbArgs(
    argv,
    {
      'include-archived': { type: 'boolean' },
      'include-forks': { type: 'boolean' },
      format: { type: 'string' },
      'per-job': { type: 'string' },
      'max-pages': { type: 'string' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    if (positionals.length !== 1)
      throw new ConfigurationError(
        'Give one organisation (or user) name: jit-credentials repos ORG.',
      );
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'matrix')
      throw new ConfigurationError(`Invalid --format '${format}'. Expected one of: json, matrix.`);
    const perJob = count(values['per-job'], '--per-job', 1, 1000);
    const maxPages = count(values['max-pages'], '--max-pages', 1, 10_000);
    const listing = await listRepositories({
      owner: positionals[0]!,
      apiUrl: env('GITHUB_API_URL') || 'https://api.github.com',
      token: env('GITHUB_TOKEN') || env('GH_TOKEN') || undefined,
      includeArchived: values['include-archived'],
      includeForks: values['include-forks'],
      maxPages,
      fetch: io.fetch,
    });
    const names = listing.repositories.map((r) => r.fullName);
    const matrix = format === 'matrix' ? matrixOf(names, perJob) : names;
    if (matrix.length > 256)
      throw new ConfigurationError(
        `${names.length} repositories make ${matrix.length} jobs, more than a matrix's 256: raise --per-job.`,
      );
    io.stdout(JSON.stringify(matrix) + '\n');
    const k = listing.skipped;
    io.stderr(
      `${names.length} repositories of ${positionals[0]} (${listing.pages} page${listing.pages === 1 ? '' : 's'}); left out: ${k.archived} archived, ${k.forks} forks, ${k.disabled} disabled, ${k.empty} empty.\n`,
    );
    return 0;
  } catch (err) {
    io.stderr(
      `${err instanceof ConfigurationError ? '' : 'jit-credentials repos failed: '}${errorMessage(err)}\n`,
    );
    return 2;
  }
}

function count(
  value: string | undefined,
  option: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigurationError(
      `Invalid ${option} '${value}'. Expected a whole number from ${min} to ${max}.`,
    );
  return n;
}

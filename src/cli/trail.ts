import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  lstatSync,
  constants,
} from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { verbArgs } from './args.js';
import { errorMessage } from '../errors.js';
import { MAX_LEDGER_SIZE, parseLedgerText } from '../grant/ledger.js';
import { buildTrail, type LedgerInput } from '../grant/trail.js';
import { trailMarkdown } from '../grant/trail-markdown.js';

const USAGE = `Usage: jit-credentials trail [--format markdown|json] [--strict] LEDGER...

Merges the ledgers of many jobs (the ledger.jsonl each use of the action writes under
RUNNER_TEMP/jit-credentials, collected with actions/upload-artifact) into one timeline: per
grant, approval → issued → delivered → used → closed, with anomalies first (never closed,
revocation not verified, refused, contradictions).

  LEDGER          a ledger file, or a directory searched for *.jsonl files (as
                  actions/download-artifact lays them out)
  --format F      markdown (default) or json
  --strict        exit 1 when there is any anomaly
  -o, --output F  write to F instead of standard output

Every ledger is untrusted input: lines that are not jit-credentials events are skipped and
counted, files over ${MAX_LEDGER_SIZE / (1024 * 1024)} MiB are cut and flagged.
`;

/** How many ledger files one call reads: a week of a busy workflow, not a whole disk. */
const MAX_FILES = 5000;
const MAX_DEPTH = 4;

export interface TrailIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

/** `jit-credentials trail ...`: returns the exit code. */
export async function trailCli(argv: string[], io: TrailIo): Promise<number> {
  const parsed = verbArgs(
    argv,
    {
      format: { type: 'string', short: 'f' },
      strict: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    io.stderr(`--format must be markdown or json, not '${format}'.\n\n${USAGE}`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`trail needs at least one LEDGER file or directory.\n\n${USAGE}`);
    return 2;
  }
  const files: string[] = [];
  for (const p of positionals) {
    const abs = isAbsolute(p) ? p : join(io.cwd, p);
    try {
      collect(abs, p, files, 0);
    } catch (err) {
      io.stderr(`Cannot read '${p}': ${errorMessage(err)}\n`);
      return 2;
    }
    if (files.length > MAX_FILES) {
      io.stderr(`More than ${MAX_FILES} ledger files given; merge fewer at a time.\n`);
      return 2;
    }
  }
  const inputs = files.map((f) => readLedger(isAbsolute(f) ? f : join(io.cwd, f), f));
  const trail = buildTrail(inputs);
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: 1, ...trail }, null, 2)}\n`
      : trailMarkdown(trail);
  if (values.output) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(isAbsolute(values.output) ? values.output : join(io.cwd, values.output), text);
  } else io.stdout(text);
  return values.strict && trail.anomalies.length ? 1 : 0;
}

/** Files as given; directories searched (bounded depth) for *.jsonl, in a stable order. */
function collect(abs: string, shown: string, out: string[], depth: number): void {
  const st = lstatSync(abs);
  if (st.isFile()) {
    out.push(shown);
    return;
  }
  if (!st.isDirectory()) throw new Error('not a file or a directory');
  if (depth >= MAX_DEPTH) return;
  for (const name of readdirSync(abs).sort()) {
    if (out.length > MAX_FILES) return;
    const child = join(abs, name);
    const s = lstatSync(child);
    if (s.isDirectory()) collect(child, join(shown, name), out, depth + 1);
    else if (s.isFile() && name.endsWith('.jsonl')) out.push(join(shown, name));
  }
}

/** At most MAX_LEDGER_SIZE bytes of a regular file; a failure is recorded, not thrown. */
function readLedger(abs: string, shown: string): LedgerInput {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    return { source: shown, events: [], skipped: 0, truncated: false, error: errorMessage(err) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        source: shown,
        events: [],
        skipped: 0,
        truncated: false,
        error: 'not a regular file',
      };
    // One byte past the cap tells a file that grew since fstat from one that fits.
    const buf = Buffer.alloc(Math.min(st.size, MAX_LEDGER_SIZE) + 1);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    const truncated = got > MAX_LEDGER_SIZE || st.size > MAX_LEDGER_SIZE;
    const text = buf.subarray(0, Math.min(got, MAX_LEDGER_SIZE)).toString('utf8');
    return { source: shown, ...parseLedgerText(text), truncated };
  } finally {
    closeSync(fd);
  }
}

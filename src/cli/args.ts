import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line: shown as-is, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Node's parseArgs with its errors rewritten for people: the unknown flag is named with the
 * nearest known one ("Unknown option '--formt'. Did you mean '--format'?").
 */
export function parseCliArgs<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw friendly(err, config.options);
  }
}

/** The same, for a plain list of options. */
export function parseCli<T extends ParseArgsConfig['options']>(
  args: readonly string[],
  options: T,
  allowPositionals = true,
) {
  return parseCliArgs({ args: [...args], options, allowPositionals, strict: true });
}

function friendly(err: unknown, options: ParseArgsConfig['options']): UsageError {
  const e = err as { code?: string; message: string };
  const flag = /'(-{1,2}[^'\s]+)[^']*'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const known = Object.keys(options ?? {}).map((o) => `--${o}`);
    return new UsageError(`Unknown option '${flag}'.${suggest(flag, known)}`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return new UsageError(`Option '${flag}' needs a value.`);
  }
  return new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, '.'));
}

/**
 * The start every verb shares: its options parsed (with `--help`), or the exit code when that
 * is all there is to do: 0 after printing the usage, 2 after a usage error.
 */
type Options = NonNullable<ParseArgsConfig['options']>;
type VerbConfig<T extends Options> = {
  args: string[];
  options: T & { help: { type: 'boolean'; short: 'h' } };
  allowPositionals: true;
  strict: true;
};

export function verbArgs<const T extends Options>(
  argv: readonly string[],
  options: T,
  usage: string,
  io: { stdout: (s: string) => unknown; stderr: (s: string) => unknown },
): ReturnType<typeof parseArgs<VerbConfig<T>>> | number {
  let parsed;
  try {
    parsed = parseCliArgs<VerbConfig<T>>({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage);
    return 0;
  }
  return parsed;
}

/** " Did you mean 'x'?" for the nearest of `known` within a small edit distance, else ''. */
export function suggest(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? ` Did you mean '${best}'?`
    : '';
}

/** Levenshtein distance, for short command-line words only. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

import { parseDuration as parseDurationText } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import type { Runner } from './runner.js';

/** Reads inputs by name, trimming, with `''` meaning "not given" (the runner sends unset inputs as ''). */
export class Inputs {
  constructor(private readonly runner: Pick<Runner, 'input'>) {}

  optional(name: string): string | undefined {
    const value = this.runner.input(name).trim();
    return value === '' ? undefined : value;
  }

  /** `required: true` in action.yml is not enforced by the runner, so it is enforced here. */
  required(name: string, hint = ''): string {
    const value = this.optional(name);
    if (value === undefined) {
      throw new ConfigurationError(`Input '${name}' is required${hint ? `: ${hint}` : '.'}`);
    }
    return value;
  }

  /** Multi-line inputs keep their inner layout (JSON policies, scripts); only outer blank lines go. */
  raw(name: string): string | undefined {
    const value = this.runner.input(name);
    return value.trim() === '' ? undefined : value;
  }

  list(name: string): string[] {
    return parseList(this.runner.input(name));
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    return value === undefined ? fallback : parseBoolean(name, value);
  }

  duration(name: string): number | undefined {
    const value = this.optional(name);
    return value === undefined ? undefined : parseDuration(name, value);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T | undefined {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigurationError(
        `Invalid ${name} '${value}'. Expected one of: ${allowed.join(', ')}.`,
      );
    }
    return value as T;
  }
}

/** Newlines and commas separate items; items are trimmed and empties dropped (as actions/cache does). */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Only the YAML 1.2 core spellings, so that a typo such as `ture` is an error, not false. */
export function parseBoolean(name: string, value: string): boolean {
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new ConfigurationError(`Invalid ${name} '${value}'. Expected true or false.`);
}

/** Seconds from `300`, `300s`, `5m`, `1h`, `1h30m`; anything else is an error that shows the accepted forms. */
export function parseDuration(name: string, value: string): number {
  const seconds = parseDurationText(value);
  if (seconds === undefined) {
    const zero = /^[0hms]*$/.test(value.trim()) && /0/.test(value);
    throw new ConfigurationError(
      zero
        ? `Invalid ${name} '${value}'. It must be longer than zero.`
        : `Invalid ${name} '${value}'. Use seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`,
    );
  }
  return seconds;
}

export { formatDuration } from '../duration.js';

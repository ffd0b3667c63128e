import { ConfigurationError } from '../errors.js';

/** The longest any of the three clouds will issue (AWS role sessions, 12 h). */
export const MAX_POLICY_DURATION = 43_200;

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/**
 * `900`, `90s`, `15m`, `1h`, `1h30m`. Returns seconds, or undefined when the text is
 * not a duration at all, so that the caller can say where the bad value is.
 */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) > 0 ? Number(text) : undefined;
  const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(text);
  if (!m || text === '') return undefined;
  let total = 0;
  for (const [i, unit] of ['h', 'm', 's'].entries()) {
    const part = m[i + 1];
    if (part !== undefined) total += Number(part) * UNIT_SECONDS[unit]!;
  }
  return total > 0 ? total : undefined;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
  return parts.length ? parts.join('') : '0s';
}

export function requireDuration(value: string | number, where: string): number {
  const seconds = parseDuration(value);
  if (seconds === undefined) {
    throw new ConfigurationError(
      `${where}: invalid duration '${value}'. Write seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`,
    );
  }
  return seconds;
}

import { ConfigurationError } from '../errors.js';

/** The longest any of the three clouds will issue (AWS role sessions, 12 h). */
export const MAX_POLICY_DURATION = 43_200;

export { formatDuration, parseDuration } from '../duration.js';
import { parseDuration } from '../duration.js';

export function requireDuration(value: string | number, where: string): number {
  const seconds = parseDuration(value);
  if (seconds === undefined) {
    throw new ConfigurationError(
      `${where}: invalid duration '${value}'. Write seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`,
    );
  }
  return seconds;
}

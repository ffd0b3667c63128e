const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/**
 * The one duration syntax of inputs, policy rules and the CLI: `900`, `90s`, `15m`, `1h`,
 * `1h30m`. Seconds, or undefined when the text is not a positive duration (the caller says
 * where the bad value is).
 */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  const text = value.trim();
  let total: number;
  if (/^[0-9]+$/.test(text)) {
    total = Number(text);
  } else {
    const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(text);
    if (!m || text === '') return undefined;
    total = 0;
    for (const [i, unit] of ['h', 'm', 's'].entries()) {
      const part = m[i + 1];
      if (part !== undefined) total += Number(part) * UNIT_SECONDS[unit]!;
    }
  }
  return Number.isSafeInteger(total) && total > 0 ? total : undefined;
}

/** `1h30m`, `5m`, `45s`, `0s`. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
  return parts.length ? parts.join('') : '0s';
}

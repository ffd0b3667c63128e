import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../errors.js';
import type { ConfigSuppression } from './suppress.js';
import { SEVERITIES, type Severity } from './types.js';
import { RULES } from './rules/catalog.js';

/** Read when no `--config` is given and the file exists. */
export const DEFAULT_CONFIG = '.github/jit-credentials-scan.yml';

export interface ScanConfig {
  ignore: ConfigSuppression[];
  /** Rules switched off entirely. */
  disable: string[];
  failOn?: Severity | 'none';
}

export const EMPTY_CONFIG: ScanConfig = { ignore: [], disable: [] };

export function loadConfig(
  cwd: string,
  path: string | undefined,
): { config: ScanConfig; path?: string } {
  const explicit = path !== undefined;
  const file =
    path === undefined ? join(cwd, DEFAULT_CONFIG) : isAbsolute(path) ? path : join(cwd, path);
  if (!existsSync(file)) {
    if (explicit)
      throw new ConfigurationError(
        `Scan config '${path}' does not exist. Give the path of a YAML file, or leave --config out.`,
      );
    return { config: EMPTY_CONFIG };
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigurationError(
      `Scan config '${file}' is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  return { config: parseConfig(raw ?? {}, file), path: file };
}

export function parseConfig(raw: unknown, where: string): ScanConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(
      `Scan config '${where}' must be a mapping with 'ignore', 'disable' or 'fail-on'.`,
    );
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!['ignore', 'disable', 'fail-on'].includes(key)) {
      throw new ConfigurationError(
        `Unknown key '${key}' in scan config '${where}'. Allowed: ignore, disable, fail-on.`,
      );
    }
  }
  const ignore: ConfigSuppression[] = [];
  for (const [i, item] of list(obj['ignore'], 'ignore', where).entries()) {
    if (typeof item !== 'object' || item === null) {
      throw new ConfigurationError(
        `ignore[${i}] in '${where}' must be a mapping with rule, path, line and reason.`,
      );
    }
    const r = item as Record<string, unknown>;
    const rule = checkRule(r['rule'], `ignore[${i}].rule`, where);
    const reason = typeof r['reason'] === 'string' ? r['reason'].trim() : '';
    if (reason === '') {
      throw new ConfigurationError(
        `ignore[${i}] (${rule}) in '${where}' has no reason. Say why the finding is accepted: reason: "..."`,
      );
    }
    if (r['path'] !== undefined && typeof r['path'] !== 'string') {
      throw new ConfigurationError(
        `ignore[${i}].path in '${where}' must be a glob such as .github/workflows/*.yml.`,
      );
    }
    if (r['line'] !== undefined && !Number.isInteger(r['line'])) {
      throw new ConfigurationError(`ignore[${i}].line in '${where}' must be a line number.`);
    }
    ignore.push({
      rule,
      path: r['path'] as string | undefined,
      line: r['line'] as number | undefined,
      reason,
    });
  }
  const disable = list(obj['disable'], 'disable', where).map((d, i) =>
    checkRule(d, `disable[${i}]`, where),
  );
  let failOn: ScanConfig['failOn'];
  if (obj['fail-on'] !== undefined)
    failOn = parseFailOn(String(obj['fail-on']), `fail-on in '${where}'`);
  return { ignore, disable, failOn };
}

export function parseFailOn(value: string, what = 'fail-on'): Severity | 'none' {
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value))
    return value as Severity | 'none';
  throw new ConfigurationError(
    `Invalid ${what} '${value}'. Expected one of: none, ${SEVERITIES.join(', ')}.`,
  );
}

function list(value: unknown, key: string, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new ConfigurationError(`'${key}' in scan config '${where}' must be a list.`);
  return value;
}

function checkRule(value: unknown, what: string, where: string): string {
  const id = String(value ?? '').toUpperCase();
  if (id === '*' || RULES.has(id)) return id;
  const byName = [...RULES.values()].find((r) => r.name === String(value));
  if (byName) return byName.id;
  throw new ConfigurationError(
    `${what} in '${where}' is '${String(value)}', which is not a rule. Use an id such as JIT103 or a name such as static-key-env.`,
  );
}

import { mdCode, mdText } from '../../runner/markdown.js';
import { formatDuration } from '../../runner/inputs.js';
import { RULES, rule } from '../rules/catalog.js';
import { SEVERITIES, severityRank, type Cloud, type Severity } from '../types.js';

/**
 * One report for many repositories: the per-repository JSON of `jit-credentials scan -f json`
 * (with `--repository`) merged into totals, a table of repositories, and every finding, worst
 * first. Results are read as untrusted input: each is checked for shape and size, and one that
 * cannot be read is listed as such rather than stopping the report.
 */
export interface OrgFinding {
  repository: string;
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  message: string;
  cloud?: Cloud;
}

export interface RepositoryRow {
  repository: string;
  /** Why the repository has no result (not scanned, no workflow files, unreadable result). */
  error?: string;
  files: number;
  checked: number;
  notChecked: number;
  findings: number;
  staticKeyUses: Record<Cloud, number>;
  filesWithKeys: number;
  oidcFiles: number;
  worst: Severity | null;
}

export interface OrgReport {
  version: 1;
  kind: 'organisation';
  summary: {
    repositories: number;
    scanned: number;
    failed: number;
    repositoriesWithKeys: number;
    repositoriesOnOidc: number;
    files: number;
    checked: number;
    notChecked: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    byRule: Record<string, number>;
    staticKeyUses: Record<Cloud, number>;
    filesWithKeys: number;
    oidcFiles: number;
    oidcFilesWithKeys: number;
    longestTtlSeconds: number | null;
    longestTtlFile: string | null;
  };
  repositories: RepositoryRow[];
  findings: OrgFinding[];
}

export interface ResultInput {
  /** Where it came from (a file name), for messages and as a fallback repository name. */
  source: string;
  text: string;
}

const MAX_FINDINGS_PER_REPOSITORY = 10_000;
const CLOUDS: Cloud[] = ['aws', 'azure', 'gcp', 'other'];

/**
 * `expected` names every repository that should have a result (the listing the scan matrix was
 * built from): one without a result is reported as such, so a failed job cannot shrink the report.
 */
export function mergeResults(inputs: ResultInput[], expected: string[] = []): OrgReport {
  const rows: RepositoryRow[] = [];
  const findings: OrgFinding[] = [];
  const seen = new Set<string>();
  let longest: { s: number; file: string } | undefined;
  let oidcFilesWithKeys = 0;
  for (const input of inputs) {
    const parsed = parseResult(input);
    let name = parsed.repository;
    // Two results for one repository (a re-run) would count it twice: keep the first.
    if (seen.has(name)) {
      name = `${name} (${input.source})`;
      parsed.error ??= 'a second result for the same repository; not counted';
      parsed.findings = [];
      parsed.files = [];
    }
    seen.add(name);
    const row = emptyRow(name, parsed.error);
    if (!parsed.error) {
      const keyFiles = new Set<string>();
      for (const f of parsed.files) {
        row.files++;
        if (f.checked) row.checked++;
        else row.notChecked++;
        if (f.longestTtlSeconds !== undefined && (!longest || f.longestTtlSeconds > longest.s))
          longest = { s: f.longestTtlSeconds, file: `${name}:${f.file}` };
      }
      for (const f of parsed.findings) {
        findings.push({ ...f, repository: name });
        row.findings++;
        if (!row.worst || severityRank(f.severity) > severityRank(row.worst))
          row.worst = f.severity;
        if (RULES.get(f.rule)?.credential) {
          row.staticKeyUses[f.cloud ?? 'other']++;
          keyFiles.add(f.file);
        }
      }
      row.filesWithKeys = keyFiles.size;
      const oidc = parsed.files.filter((f) => f.oidcSteps > 0);
      row.oidcFiles = oidc.length;
      oidcFilesWithKeys += oidc.filter((f) => keyFiles.has(f.file)).length;
    }
    rows.push(row);
  }
  for (const name of expected) {
    if (seen.has(name)) continue;
    seen.add(name);
    rows.push(emptyRow(name, 'no result: its scan job failed or was cancelled'));
  }
  findings.sort(worstFirst);
  rows.sort(
    (a, b) =>
      keyUses(b) - keyUses(a) ||
      rank(b.worst) - rank(a.worst) ||
      (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0),
  );
  return {
    version: 1,
    kind: 'organisation',
    summary: totals(rows, findings, longest, oidcFilesWithKeys),
    repositories: rows,
    findings,
  };
}

function totals(
  rows: RepositoryRow[],
  findings: OrgFinding[],
  longest: { s: number; file: string } | undefined,
  oidcFilesWithKeys: number,
): OrgReport['summary'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const sum = (pick: (r: RepositoryRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const staticKeyUses = Object.fromEntries(
    CLOUDS.map((c) => [c, sum((r) => r.staticKeyUses[c])]),
  ) as Record<Cloud, number>;
  return {
    repositories: rows.length,
    scanned: rows.filter((r) => !r.error).length,
    failed: rows.filter((r) => r.error).length,
    repositoriesWithKeys: rows.filter((r) => keyUses(r) > 0).length,
    repositoriesOnOidc: rows.filter((r) => r.oidcFiles > 0).length,
    files: sum((r) => r.files),
    checked: sum((r) => r.checked),
    notChecked: sum((r) => r.notChecked),
    findings: findings.length,
    bySeverity,
    byRule,
    staticKeyUses,
    filesWithKeys: sum((r) => r.filesWithKeys),
    oidcFiles: sum((r) => r.oidcFiles),
    oidcFilesWithKeys,
    longestTtlSeconds: longest?.s ?? null,
    longestTtlFile: longest?.file ?? null,
  };
}

interface ParsedResult {
  repository: string;
  error?: string;
  findings: Array<Omit<OrgFinding, 'repository'>>;
  files: Array<{ file: string; checked: boolean; oidcSteps: number; longestTtlSeconds?: number }>;
}

/** Reads one result; never throws: what cannot be read becomes the row's error. */
export function parseResult(input: ResultInput): ParsedResult {
  const fallback = repositoryFromSource(input.source);
  const out: ParsedResult = { repository: fallback, findings: [], files: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(input.text);
  } catch (err) {
    out.error = `the result is not JSON: ${(err as Error).message}`;
    return out;
  }
  if (!isObject(raw) || raw['version'] !== 1) {
    out.error = 'the result is not a jit-credentials scan result (no "version": 1)';
    return out;
  }
  if (typeof raw['repository'] === 'string' && REPO.test(raw['repository']))
    out.repository = raw['repository'];
  if (typeof raw['error'] === 'string') {
    out.error = raw['error'].slice(0, 500);
    return out;
  }
  const findings = raw['findings'];
  const files = raw['files'];
  if (!Array.isArray(findings) || !Array.isArray(files)) {
    out.error =
      'the result has no "findings" and "files" lists (scan with jit-credentials 0.2 or later, -f json)';
    return out;
  }
  for (const f of findings.slice(0, MAX_FINDINGS_PER_REPOSITORY)) {
    if (!isObject(f)) continue;
    const severity = f['severity'];
    const id = f['rule'];
    if (typeof id !== 'string' || !RULES.has(id)) continue;
    if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity))
      continue;
    const cloud = f['cloud'];
    out.findings.push({
      rule: id,
      severity: severity as Severity,
      file: text(f['file'], 500),
      line: int(f['line']),
      message: text(f['message'], 2000),
      ...(typeof cloud === 'string' && (CLOUDS as string[]).includes(cloud)
        ? { cloud: cloud as Cloud }
        : {}),
    });
  }
  for (const f of files) {
    if (!isObject(f)) continue;
    const ttl = f['longestTtlSeconds'];
    out.files.push({
      file: text(f['file'], 500),
      checked: f['checked'] !== false,
      oidcSteps: count(f['oidcSteps']),
      ...(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0
        ? { longestTtlSeconds: ttl }
        : {}),
    });
  }
  return out;
}

const REPO = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;

/** `results/octo-org__web.json` → `octo-org/web`; otherwise the file name without `.json`. */
function repositoryFromSource(source: string): string {
  const base = (source.split(/[\\/]/).at(-1) ?? source).replace(/\.json$/i, '');
  const m = /^([\w.-]+?)__([\w.-]+)$/.exec(base);
  return m ? `${m[1]}/${m[2]}` : base;
}

function emptyRow(repository: string, error?: string): RepositoryRow {
  return {
    repository,
    ...(error ? { error } : {}),
    files: 0,
    checked: 0,
    notChecked: 0,
    findings: 0,
    staticKeyUses: { aws: 0, azure: 0, gcp: 0, other: 0 },
    filesWithKeys: 0,
    oidcFiles: 0,
    worst: null,
  };
}

function keyUses(r: RepositoryRow): number {
  return CLOUDS.reduce((n, c) => n + r.staticKeyUses[c], 0);
}

function rank(s: Severity | null): number {
  return s === null ? -1 : severityRank(s);
}

/** Worst first; credential rules before others at one severity; then by place. */
function worstFirst(a: OrgFinding, b: OrgFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    Number(rule(b.rule).credential) - Number(rule(a.rule).credential) ||
    (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** A count: a whole number from 0; anything else is 0. */
function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? Math.min(v, 1_000_000) : 0;
}

/** A line number: a whole number from 1; anything else is 1. */
function int(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 1;
}

const MAX_REPOSITORY_ROWS = 100;
const MAX_FINDING_ROWS = 100;

/** The job summary for an organisation: posture first, then repositories, then the worst findings. */
export function formatOrgMarkdown(r: OrgReport): string {
  const s = r.summary;
  const k = s.staticKeyUses;
  const lines = [
    '## jit-credentials organisation report',
    '',
    '| | |',
    '|---|---|',
    `| repositories | ${s.repositories}: ${s.scanned} scanned${s.failed ? `, **${s.failed} without a result**` : ''} |`,
    `| repositories using long-lived keys | ${s.repositoriesWithKeys} of ${s.scanned} |`,
    `| long-lived key uses | ${k.aws + k.azure + k.gcp + k.other}: AWS ${k.aws}, Azure ${k.azure}, Google Cloud ${k.gcp}, other ${k.other} |`,
    `| files checked | ${s.checked} of ${s.files}${s.notChecked ? ` (**${s.notChecked} could not be checked**)` : ''} |`,
    `| files using keys | ${s.filesWithKeys} |`,
    `| files on OIDC | ${s.oidcFiles}${s.oidcFilesWithKeys ? ` (${s.oidcFilesWithKeys} still keep a key)` : ''}, in ${s.repositoriesOnOidc} repositories |`,
    `| findings | ${s.findings}: ${s.bySeverity.critical} critical, ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low |`,
    `| longest requested credential lifetime | ${s.longestTtlSeconds === null ? 'not set in any step' : `${formatDuration(s.longestTtlSeconds)} (${esc(s.longestTtlFile ?? '')})`} |`,
    '',
  ];
  const failed = r.repositories.filter((x) => x.error);
  if (failed.length > 0) {
    lines.push('### Repositories without a result', '');
    for (const x of failed.slice(0, MAX_REPOSITORY_ROWS))
      lines.push(`- ${esc(x.repository)}: ${esc(x.error ?? '')}`);
    if (failed.length > MAX_REPOSITORY_ROWS)
      lines.push(`- …and ${failed.length - MAX_REPOSITORY_ROWS} more (see the JSON report)`);
    lines.push('');
  }
  const scanned = r.repositories.filter((x) => !x.error);
  if (scanned.length > 0) {
    lines.push(
      '### Repositories, most long-lived key uses first',
      '',
      '| repository | key uses | AWS | Azure | Google Cloud | other | worst | files | on OIDC |',
      '|---|---:|---:|---:|---:|---:|---|---:|---:|',
    );
    for (const x of scanned.slice(0, MAX_REPOSITORY_ROWS)) {
      const u = x.staticKeyUses;
      lines.push(
        `| ${esc(x.repository)} | ${keyUses(x)} | ${u.aws} | ${u.azure} | ${u.gcp} | ${u.other} | ${x.worst ?? '—'} | ${x.checked}${x.notChecked ? ` (+${x.notChecked} not checked)` : ''} | ${x.oidcFiles} |`,
      );
    }
    if (scanned.length > MAX_REPOSITORY_ROWS)
      lines.push(
        '',
        `…and ${scanned.length - MAX_REPOSITORY_ROWS} more repositories: see the JSON report.`,
      );
    lines.push('');
  }
  if (r.findings.length > 0) {
    lines.push(
      '### Worst findings first',
      '',
      '| severity | where | rule | finding |',
      '|---|---|---|---|',
    );
    for (const f of r.findings.slice(0, MAX_FINDING_ROWS)) {
      lines.push(
        `| ${f.severity} | ${esc(f.repository)}: ${mdCode(`${f.file}:${f.line}`)} | ${f.rule} ${rule(f.rule).name} | ${esc(f.message)} |`,
      );
    }
    if (r.findings.length > MAX_FINDING_ROWS)
      lines.push(
        '',
        `…and ${r.findings.length - MAX_FINDING_ROWS} more findings: see the JSON report.`,
      );
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

/** Names and messages come from scanned repositories: no table breaks, no HTML. */
function esc(s: string): string {
  return mdText(s);
}

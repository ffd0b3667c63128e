import { formatDuration } from '../runner/inputs.js';
import { htmlText, mdCode, mdText } from '../runner/markdown.js';
import { exposure, jobExposure } from './exposure.js';
import { isOpen, type GrantState, type LedgerApproval } from './ledger.js';

// Every value shown comes from the ledger, which any step can write, and many from token claims
// (a branch name is anyone's text): all of it goes through mdText, never raw into the Markdown.
const time = (iso: string | undefined) => (iso ? `${mdText(iso.slice(11, 19))}Z` : '—');
const cell = (s: string | undefined) => (s ? mdText(s) : '—');
const code = (s: string | undefined) => (s ? mdCode(s) : '—');
const bytes = (s: string) => Buffer.byteLength(s);

// The runner uploads no step summary over 1 MiB: it drops the whole of it, the record with it.
// The ledger is anyone's file, so what it can make a block show is bounded here: a few values
// per list, a few kilobytes per grant, a quarter of the limit per block, a few dozen grants.
/** Notes, facts, claims, variables or reviews of one grant shown; the rest are counted. */
const MAX_LISTED = 20;
/** One grant's folded record; a line that does not fit is left out whole, and counted. */
const MAX_RECORD_BYTES = 48 << 10;
/** One block; the step's own grant is shown whatever the rest takes. */
const MAX_BLOCK_BYTES = 256 << 10;
/** Grants with a row and a record in one block; a job issues a handful. */
const MAX_GRANTS_SHOWN = 50;
/** Open grants whose expiry the verdict names one by one. */
const MAX_TIMES_NAMED = 3;

/** Where a reviewer finds what a block leaves out. */
const LEDGER_AT = '$RUNNER_TEMP/jit-credentials/ledger.jsonl';

/** At most MAX_LISTED of `items`, and how many more there are. */
function firstListed<T>(items: readonly T[]): { shown: T[]; more: number } {
  return { shown: items.slice(0, MAX_LISTED), more: Math.max(0, items.length - MAX_LISTED) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The proxy a close's answers came through (`answeredBy`: '… through the proxy http://p:3128 …'). */
const proxyOf = (answeredBy: string | undefined) =>
  /\bthrough the proxy (\S+)/.exec(answeredBy ?? '')?.[1];

/** "3 grants: 2 revoked and verified, 1 expires 18:42:07Z". */
export function verdict(grants: readonly GrantState[]): string {
  const parts: string[] = [];
  const count = (pred: (g: GrantState) => boolean) => grants.filter(pred);
  const revoked = count((g) => g.phase === 'closed' && g.closeMethod === 'revoked');
  const verified = revoked.filter((g) => g.verified);
  const overridden = verified.filter((g) => g.answeredBy).length;
  const proxied = verified.some((g) => proxyOf(g.answeredBy));
  if (verified.length) {
    const by = proxied
      ? 'through a proxy or an endpoint override, not the cloud directly'
      : "by an endpoint override, not the cloud's own";
    const through =
      overridden === 0
        ? ''
        : ` (${overridden === verified.length ? '' : `${overridden} of them `}${by})`;
    parts.push(`${verified.length} revoked and verified${through}`);
  }
  if (revoked.length > verified.length)
    parts.push(`${revoked.length - verified.length} revoked, not verified`);
  const expiring = count((g) => g.phase === 'closed' && g.closeMethod === 'expires');
  if (expiring.length) {
    const last = expiring
      .map((g) => g.expiresAt ?? '')
      .sort()
      .at(-1);
    const when = expiring.length === 1 ? 'expires' : 'the last expires';
    parts.push(`${expiring.length} closed on the runner, ${when} ${time(last)}`);
  }
  const expired = count((g) => g.phase === 'closed' && g.closeMethod === 'expired');
  if (expired.length) parts.push(`${expired.length} closed and already expired`);
  const failed = count((g) => g.phase === 'close-failed');
  if (failed.length) parts.push(`${failed.length} not fully closed (see warnings)`);
  const open = count((g) => isOpen(g) && g.phase !== 'close-failed');
  if (open.length) parts.push(stillOpen(open));
  const denied = count((g) => g.phase === 'denied');
  if (denied.length) parts.push(`${denied.length} refused`);
  const n = grants.length;
  return `${n} grant${n === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing issued'}`;
}

/** "2 still open until 18:42:07Z, 18:50:00Z"; for many, only the last: the verdict is one line. */
function stillOpen(open: readonly GrantState[]): string {
  if (open.length <= MAX_TIMES_NAMED)
    return `${open.length} still open until ${open.map((g) => time(g.expiresAt)).join(', ')}`;
  const last = open
    .map((g) => g.expiresAt ?? '')
    .sort()
    .at(-1);
  return `${open.length} still open, the last until ${time(last)}`;
}

function delivery(g: GrantState): string {
  if (!g.mode) return '—';
  if (g.mode === 'run') return g.exitCode === undefined ? 'run' : `run (exit ${g.exitCode})`;
  if (g.mode === 'env') return `env (${g.envNames.length} variables)`;
  if (g.mode === 'outputs') return 'outputs';
  return cell(g.mode);
}

/** How it ended, with the one time that matters: when the cloud stops accepting it. */
function ending(g: GrantState): string {
  const off = g.closedAt ? `; off the runner ${time(g.closedAt)}` : '';
  switch (g.phase) {
    case 'denied':
      return `refused: ${cell(g.error)}`;
    case 'close-failed':
      return `⚠️ **not fully closed**: ${cell(g.error)}`;
    case 'closed':
      if (g.closeMethod === 'revoked') {
        return g.verified
          ? `revoked ${time(g.closedAt)}: the cloud refuses it (verified${proxyOf(g.answeredBy) ? ` through the proxy ${code(proxyOf(g.answeredBy))}` : ''})`
          : `revoked ${time(g.closedAt)}: deny written; the closing step saw no refusal (its record says why); it expires ${time(g.expiresAt)}`;
      }
      if (g.closeMethod === 'expired') return `expired ${time(g.expiresAt)}${off}`;
      return `the cloud accepts it until ${time(g.expiresAt)} (cannot be revoked)${off}`;
    default:
      return `⚠️ **open**, accepted until ${time(g.expiresAt)}`;
  }
}

/** "deploy" for a role session ARN, the address for a service account, the id otherwise. */
function shortPrincipal(principal: string | undefined): string {
  if (!principal) return '—';
  const role =
    /^arn:aws[\w-]*:(?:sts|iam)::\d{12}:(?:assumed-role|role)\/(?:[\w+=,.@-]+\/)*?([\w+=,.@-]+)(?:\/[\w+=,.@-]+)?$/.exec(
      principal,
    );
  const short = role?.[1] ?? principal.replace(/^principal:\/\/.*\/subject\//, 'subject ');
  return short.length > 48 ? `${short.slice(0, 47)}…` : short;
}

function ttl(g: GrantState): string {
  if (g.effectiveTtl === undefined)
    return g.requestedTtl ? `asked ${formatDuration(g.requestedTtl)}` : '—';
  return formatDuration(g.effectiveTtl);
}

const TABLE_HEAD = [
  '| grant | cloud · principal | delivery | lifetime | exposure: runner / cloud | how it ended |',
  '|---|---|---|---|---|---|',
].join('\n');

/** One compact row per grant; the full record is folded below the table. */
export function grantTable(grants: readonly GrantState[], jobEnd = new Date()): string {
  return [TABLE_HEAD, ...grants.map((g) => grantRow(g, jobEnd))].join('\n');
}

function grantRow(g: GrantState, jobEnd: Date): string {
  const e = exposure(g, jobEnd);
  const figures = !e
    ? '—'
    : isOpen(g)
      ? 'still open'
      : `${formatDuration(e.runner)} / ${formatDuration(e.cloud)}`;
  return `| ${code(g.id)} | ${cell(g.provider)} ${code(shortPrincipal(g.principal))} | ${delivery(g)} | ${ttl(g)} | ${figures} | ${ending(g)} |`;
}

/** "Exposure: 14s on the runner, 5m accepted by the cloud; the peers' defaults: 12m and 1h." */
export function exposureLine(grants: readonly GrantState[], jobEnd: Date): string {
  const e = jobExposure(grants, jobEnd);
  if (!e) return '';
  return (
    `Exposure of this job's credentials: ${formatDuration(e.runner)} reachable on the runner, ` +
    `${formatDuration(e.cloud)} accepted by the cloud (credential-seconds). With the peers' defaults ` +
    `(in the job's environment until it ends, 1 hour in the cloud): ${formatDuration(e.peerRunner)} and ` +
    `${formatDuration(e.peerCloud)}.`
  );
}

/**
 * Who approved the deployment, as the run's review history said when this job read it. Logins
 * and comments are whoever wrote them: escaped like every other value.
 */
export function approvalText(a: LedgerApproval): string {
  const env = mdCode(a.environment);
  const review = (r: LedgerApproval['reviews'][number]) =>
    `${mdCode(r.login)} ${mdText(r.state)}${r.comment ? ` (“${mdText(r.comment)}”)` : ''}`;
  const read = a.readAt
    ? `; read ${time(a.readAt)} (GitHub's review history gives no review time)`
    : '';
  const listed = firstListed(a.reviews);
  const reviews =
    listed.shown.map(review).join(', ') +
    (listed.more ? `, and ${plural(listed.more, 'more review')} not shown` : '');
  switch (a.status) {
    case 'approved':
      return `Approval of ${env}: ${reviews}${read}`;
    case 'rejected':
      return `⚠️ Approval of ${env}: **rejected**: ${reviews}${read}`;
    case 'none':
      return `Approval of ${env}: none in the run's review history (no required reviewers, or not reviewed)${read}`;
    default:
      return `⚠️ Approval of ${env}: **unknown**, the review history could not be read: ${cell(a.error)}`;
  }
}

function useText(g: GrantState): string | undefined {
  const u = g.use;
  if (!u) return undefined;
  if (u.startedAt || u.endedAt) {
    const how = u.signal
      ? `signal ${cell(u.signal)}`
      : g.exitCode !== undefined
        ? `exit ${g.exitCode}`
        : '';
    return `command ran ${time(u.startedAt)} → ${time(u.endedAt)}${how ? `, ${how}` : ''}`;
  }
  return `reachable ${time(u.from)} → ${time(u.until)}${u.note ? `: ${cell(u.note)}` : ''}`;
}

/**
 * The folded record of one grant: at most MAX_LISTED values of each list and MAX_RECORD_BYTES in
 * all, with what is left out counted and where to find it said (`ledgerAt`, Markdown).
 */
function record(g: GrantState, ledgerAt: string): string {
  const notShown = (n: number, one: string, many = `${one}s`) =>
    `${plural(n, `more ${one}`, `more ${many}`)} not shown; the ledger is at ${ledgerAt}`;
  const inline = (items: string[], more: number, what: string) =>
    items.join(', ') + (more ? `; ${notShown(more, what)}` : '');
  const lines: string[] = [];
  if (g.approval) lines.push(`- ${approvalText(g.approval)}`);
  const use = useText(g);
  if (use) lines.push(`- use: ${use}`);
  if (g.principal) lines.push(`- principal: ${code(g.principal)}`);
  if (g.issuedAt)
    lines.push(`- issued ${time(g.issuedAt)}, the cloud's expiry ${time(g.expiresAt)}`);
  if (g.envNames.length) {
    const { shown, more } = firstListed(g.envNames);
    lines.push(
      `- variables: ${shown.map(code).join(' ')}${more ? `; ${notShown(more, 'variable')}` : ''}`,
    );
  }
  if (g.scope)
    lines.push(
      `- scope: ${code(g.scope)}${g.scopeDigest ? ` (sha256 ${cell(g.scopeDigest.slice(0, 16))}…)` : ''}`,
    );
  if (g.sessionName) lines.push(`- session: ${code(g.sessionName)}`);
  if (g.claims) {
    const { shown, more } = firstListed(Object.entries(g.claims));
    const claims = shown.map(([k, v]) => `${code(k)}=${code(String(v))}`);
    lines.push(`- token claims: ${inline(claims, more, 'claim')}`);
  }
  if (g.tokenSha256)
    lines.push(
      `- token sha256: ${code(`${g.tokenSha256.slice(0, 16)}…`)} (the token itself is never stored)`,
    );
  if (g.policy) lines.push(`- policy: ${code(JSON.stringify(g.policy))}`);
  const facts = firstListed(Object.entries(g.details));
  for (const [k, v] of facts.shown) lines.push(`- ${cell(k)}: ${code(String(v))}`);
  if (facts.more) lines.push(`- ${notShown(facts.more, 'fact')}`);
  const notes = firstListed(g.notes);
  for (const note of notes.shown) lines.push(`- note: ${cell(note)}`);
  if (notes.more) lines.push(`- ${notShown(notes.more, 'note')}`);
  // What closing did and saw (a revocation's probe, a metadata server's served count): this
  // step's own finding, kept whatever the ledger's lines take.
  const closing = g.closeNote ? `- closing: ${cell(g.closeNote)}` : undefined;
  return withinRecordLimit(
    lines,
    closing,
    (n) => `- ${notShown(n, 'line of this record', 'lines of this record')}`,
  );
}

/**
 * `lines` in order, each whole or not at all, so that they and `last` fit MAX_RECORD_BYTES;
 * `last` always comes last, and `left(n)` says how many lines were left out.
 */
function withinRecordLimit(
  lines: readonly string[],
  last: string | undefined,
  left: (n: number) => string,
): string {
  let budget = MAX_RECORD_BYTES - (last ? bytes(last) + 1 : 0) - bytes(left(lines.length)) - 1;
  const kept: string[] = [];
  for (const line of lines) {
    const cost = bytes(line) + 1;
    if (cost > budget) continue;
    kept.push(line);
    budget -= cost;
  }
  if (kept.length < lines.length) kept.push(left(lines.length - kept.length));
  if (last) kept.push(last);
  return kept.join('\n');
}

/**
 * A picture of each grant's windows: when it was reachable on the runner, and when the cloud
 * accepts it. Times are drawn in milliseconds, so that a `run:` grant of two seconds is a bar.
 */
export function timeline(grants: readonly GrantState[]): string {
  // Inside a code fence nothing is escaped: only well-formed times are drawn.
  const ms = (iso: string | undefined) => {
    const t = iso === undefined ? NaN : Date.parse(iso);
    return Number.isFinite(t) ? t : undefined;
  };
  const drawable = grants.filter(
    (g) => ms(g.issuedAt) !== undefined && ms(g.expiresAt) !== undefined,
  );
  if (!drawable.length) return '';
  const shown = drawable.slice(0, MAX_GRANTS_SHOWN);
  const lines = ['```mermaid', 'gantt', '  dateFormat x', '  axisFormat %H:%M:%S'];
  for (const g of shown) {
    const from = ms(g.issuedAt)!;
    const cloudEnd = Math.max(from + 1, ms(g.expiresAt)!);
    const runnerEnd = Math.max(from + 1, Math.min(ms(g.closedAt) ?? cloudEnd, cloudEnd));
    lines.push(`  section ${mermaidLabel(g.id)}`);
    lines.push(`  on the runner :active, ${from}, ${runnerEnd}`);
    lines.push(`  accepted by the cloud :${from}, ${cloudEnd}`);
  }
  lines.push('```');
  if (shown.length < drawable.length)
    lines.push('', `The timeline shows the first ${shown.length} of ${drawable.length} grants.`);
  return lines.join('\n');
}

/** A mermaid label: letters, digits and `._-` only, so that nothing can leave the fence or the line. */
function mermaidLabel(text: string): string {
  return (
    String(text)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 80) || '_'
  );
}

export interface BlockOptions {
  /** The grant of the step writing the block: shown first, and never left out. */
  readonly own?: string;
  /** The ledger's path, named where something is left out. */
  readonly ledgerPath?: string;
}

/** What one grant adds to a block: its row, its folded record, and its approval line. */
interface GrantParts {
  readonly row: string;
  readonly details: string;
  readonly approval?: string;
}

function grantParts(g: GrantState, jobEnd: Date, ledgerAt: string): GrantParts {
  return {
    row: grantRow(g, jobEnd),
    details: `<details><summary>Record of ${htmlText(g.id)}</summary>\n\n${record(g, ledgerAt)}\n\n</details>`,
    ...(g.approval ? { approval: approvalLine(g.id, g.approval, ledgerAt) } : {}),
  };
}

/** The approval above the table, unless reviews written into the ledger make it too long. */
function approvalLine(id: string, a: LedgerApproval, ledgerAt: string): string {
  const line = `${code(id)} · ${approvalText(a)}`;
  if (bytes(line) <= MAX_RECORD_BYTES) return line;
  return `${code(id)} · ⚠️ the approval's reviews are too long to show here (${bytes(line)} bytes); the ledger is at ${ledgerAt}`;
}

const partsBytes = (p: GrantParts) =>
  bytes(p.row) + bytes(p.details) + (p.approval ? bytes(p.approval) : 0) + 3;

/** `grants` with the step's own first; the others keep their order. */
function ownFirst(grants: readonly GrantState[], own: string | undefined): GrantState[] {
  const i = own === undefined ? -1 : grants.findIndex((g) => g.id === own);
  return i <= 0 ? [...grants] : [grants[i]!, ...grants.slice(0, i), ...grants.slice(i + 1)];
}

/**
 * One block per action use: the verdict first, then the rows, then the record reviewers can
 * expand. The verdict counts every grant; the rows and records are bounded (MAX_GRANTS_SHOWN,
 * MAX_BLOCK_BYTES): the first grant (the step's own, with `options.own`) always, then the extra
 * lines, then the other grants in order while they fit; what is left out is counted.
 */
export function summaryBlock(
  title: string,
  grants: readonly GrantState[],
  extra: readonly string[] = [],
  jobEnd = new Date(),
  options: BlockOptions = {},
): string {
  const ledgerAt = mdCode(options.ledgerPath ?? LEDGER_AT);
  const ordered = ownFirst(grants, options.own);
  const head = [`### ${title}`, '', `**${verdict(grants)}**`, ''].join('\n');
  // Room for the line that says what was left out.
  let budget = MAX_BLOCK_BYTES - bytes(head) - bytes(TABLE_HEAD) - 512 - bytes(ledgerAt);
  const shown: GrantParts[] = [];
  const [first, ...rest] = ordered;
  if (first) {
    shown.push(grantParts(first, jobEnd, ledgerAt));
    budget -= partsBytes(shown[0]!);
  }
  const extras: string[] = [];
  for (const e of extra) {
    if (bytes(e) + 2 > budget) continue;
    extras.push(e);
    budget -= bytes(e) + 2;
  }
  for (const g of rest.slice(0, MAX_GRANTS_SHOWN - 1)) {
    const parts = grantParts(g, jobEnd, ledgerAt);
    if (partsBytes(parts) > budget) break;
    shown.push(parts);
    budget -= partsBytes(parts);
  }
  const left = leftOut(grants.length - shown.length, extra.length - extras.length, ledgerAt);
  const approvals = shown.flatMap((p) => (p.approval ? [p.approval] : []));
  return [
    head,
    ...(approvals.length ? [approvals.join('<br>\n'), ''] : []),
    [TABLE_HEAD, ...shown.map((p) => p.row)].join('\n'),
    '',
    ...(left ? [left, ''] : []),
    ...extras.flatMap((e) => [e, '']),
    shown.map((p) => p.details).join('\n'),
    '',
  ].join('\n');
}

/** "**3 more grants and 2 more lines not shown** (…); the ledger is at …", or '' for nothing. */
function leftOut(grants: number, lines: number, ledgerAt: string): string {
  const what = [
    ...(grants ? [plural(grants, 'more grant')] : []),
    ...(lines ? [plural(lines, 'more line')] : []),
  ];
  if (!what.length) return '';
  return (
    `**${what.join(' and ')} not shown** (to stay within the runner's 1 MiB step-summary limit); ` +
    `the ledger is at ${ledgerAt}`
  );
}

import { formatDuration } from '../runner/inputs.js';
import { htmlText, mdCode, mdText } from '../runner/markdown.js';
import { exposure, jobExposure } from './exposure.js';
import { isOpen, type GrantState, type LedgerApproval } from './ledger.js';

// Every value shown comes from the ledger, which any step can write, and many from token claims
// (a branch name is anyone's text): all of it goes through mdText, never raw into the Markdown.
const time = (iso: string | undefined) => (iso ? `${mdText(iso.slice(11, 19))}Z` : '—');
const cell = (s: string | undefined) => (s ? mdText(s) : '—');
const code = (s: string | undefined) => (s ? mdCode(s) : '—');

/** "3 grants: 2 revoked and verified, 1 expires 18:42:07Z". */
export function verdict(grants: readonly GrantState[]): string {
  const parts: string[] = [];
  const count = (pred: (g: GrantState) => boolean) => grants.filter(pred);
  const revoked = count((g) => g.phase === 'closed' && g.closeMethod === 'revoked');
  const verified = revoked.filter((g) => g.verified);
  const overridden = verified.filter((g) => g.answeredBy).length;
  if (verified.length) {
    const through =
      overridden === 0
        ? ''
        : ` (${overridden === verified.length ? '' : `${overridden} of them `}by an endpoint override, not the cloud's own)`;
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
  if (open.length) {
    parts.push(`${open.length} still open until ${open.map((g) => time(g.expiresAt)).join(', ')}`);
  }
  const denied = count((g) => g.phase === 'denied');
  if (denied.length) parts.push(`${denied.length} refused`);
  const n = grants.length;
  return `${n} grant${n === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing issued'}`;
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
          ? `revoked ${time(g.closedAt)}: the cloud refuses it (verified)`
          : `revoked ${time(g.closedAt)}: deny written, refusal not seen; it expires ${time(g.expiresAt)}`;
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

/** One compact row per grant; the full record is folded below the table. */
export function grantTable(grants: readonly GrantState[], jobEnd = new Date()): string {
  const rows = grants.map((g) => {
    const e = exposure(g, jobEnd);
    const figures = !e
      ? '—'
      : isOpen(g)
        ? 'still open'
        : `${formatDuration(e.runner)} / ${formatDuration(e.cloud)}`;
    return `| ${code(g.id)} | ${cell(g.provider)} ${code(shortPrincipal(g.principal))} | ${delivery(g)} | ${ttl(g)} | ${figures} | ${ending(g)} |`;
  });
  return [
    '| grant | cloud · principal | delivery | lifetime | exposure: runner / cloud | how it ended |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
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
  switch (a.status) {
    case 'approved':
      return `Approval of ${env}: ${a.reviews.map(review).join(', ')}${read}`;
    case 'rejected':
      return `⚠️ Approval of ${env}: **rejected**: ${a.reviews.map(review).join(', ')}${read}`;
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

function record(g: GrantState): string {
  const lines: string[] = [];
  if (g.approval) lines.push(`- ${approvalText(g.approval)}`);
  const use = useText(g);
  if (use) lines.push(`- use: ${use}`);
  if (g.principal) lines.push(`- principal: ${code(g.principal)}`);
  if (g.issuedAt)
    lines.push(`- issued ${time(g.issuedAt)}, the cloud's expiry ${time(g.expiresAt)}`);
  if (g.envNames.length) lines.push(`- variables: ${g.envNames.map(code).join(' ')}`);
  if (g.scope)
    lines.push(
      `- scope: ${code(g.scope)}${g.scopeDigest ? ` (sha256 ${cell(g.scopeDigest.slice(0, 16))}…)` : ''}`,
    );
  if (g.sessionName) lines.push(`- session: ${code(g.sessionName)}`);
  if (g.claims) {
    const claims = Object.entries(g.claims).map(([k, v]) => `${code(k)}=${code(String(v))}`);
    lines.push(`- token claims: ${claims.join(', ')}`);
  }
  if (g.tokenSha256)
    lines.push(
      `- token sha256: ${code(`${g.tokenSha256.slice(0, 16)}…`)} (the token itself is never stored)`,
    );
  if (g.policy) lines.push(`- policy: ${code(JSON.stringify(g.policy))}`);
  for (const [k, v] of Object.entries(g.details)) lines.push(`- ${cell(k)}: ${code(String(v))}`);
  for (const note of g.notes) lines.push(`- note: ${cell(note)}`);
  // What closing did and saw (a revocation's probe, a metadata server's served count).
  if (g.closeNote) lines.push(`- closing: ${cell(g.closeNote)}`);
  return lines.join('\n');
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
  const shown = grants.filter((g) => ms(g.issuedAt) !== undefined && ms(g.expiresAt) !== undefined);
  if (!shown.length) return '';
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

/** One block per action use: the verdict first, then the rows, then the record reviewers can expand. */
export function summaryBlock(
  title: string,
  grants: readonly GrantState[],
  extra: readonly string[] = [],
  jobEnd = new Date(),
): string {
  const details = grants
    .map(
      (g) =>
        `<details><summary>Record of ${htmlText(g.id)}</summary>\n\n${record(g)}\n\n</details>`,
    )
    .join('\n');
  const approvals = grants.flatMap((g) =>
    g.approval ? [`${code(g.id)} · ${approvalText(g.approval)}`] : [],
  );
  return [
    `### ${title}`,
    '',
    `**${verdict(grants)}**`,
    '',
    ...(approvals.length ? [approvals.join('<br>\n'), ''] : []),
    grantTable(grants, jobEnd),
    '',
    ...extra.flatMap((e) => [e, '']),
    details,
    '',
  ].join('\n');
}

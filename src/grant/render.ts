import { formatDuration } from '../runner/inputs.js';
import { htmlText, mdCode, mdText } from '../runner/markdown.js';
import { isOpen, type GrantState } from './ledger.js';

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
  if (verified.length) parts.push(`${verified.length} revoked and verified`);
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
  if (g.mode === 'env') return `env: ${g.envNames.map(code).join(' ')}`;
  if (g.mode === 'outputs') return 'outputs';
  return cell(g.mode);
}

function ending(g: GrantState): string {
  switch (g.phase) {
    case 'denied':
      return `refused: ${cell(g.error)}`;
    case 'close-failed':
      return `**not fully closed**: ${cell(g.error)}`;
    case 'closed': {
      const how =
        g.closeMethod === 'revoked'
          ? g.verified
            ? 'revoked, verified refused'
            : 'revoked (not verified)'
          : g.closeMethod === 'expired'
            ? 'already expired'
            : `expires ${time(g.expiresAt)}`;
      return `${how}; ${cell(g.closeNote)}`;
    }
    default:
      return `**open** until ${time(g.expiresAt)}`;
  }
}

function ttl(g: GrantState): string {
  if (g.effectiveTtl === undefined)
    return g.requestedTtl ? `asked ${formatDuration(g.requestedTtl)}` : '—';
  return formatDuration(g.effectiveTtl);
}

export function grantTable(grants: readonly GrantState[]): string {
  const rows = grants.map(
    (g) =>
      `| ${code(g.id)} | ${cell(g.provider)} | ${code(g.principal)} | ${delivery(g)} | ${time(g.issuedAt)} | ${ttl(g)} | ${time(g.expiresAt)} | ${time(g.closedAt)} | ${ending(g)} |`,
  );
  return [
    '| grant | cloud | principal | delivery | issued | lifetime | cloud expiry | closed | how it ended |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function record(g: GrantState): string {
  const lines: string[] = [];
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
  return lines.join('\n');
}

/** A picture of each grant's windows: when it was reachable on the runner, and when the cloud accepts it. */
export function timeline(grants: readonly GrantState[]): string {
  // Inside a code fence nothing is escaped: only well-formed times are drawn.
  const hms = (iso: string | undefined) =>
    /^\d{2}:\d{2}:\d{2}$/.exec(iso?.slice(11, 19) ?? '')?.[0];
  const shown = grants.filter(
    (g) => hms(g.issuedAt) && hms(g.expiresAt) && hms(g.closedAt ?? g.expiresAt),
  );
  if (!shown.length) return '';
  const lines = ['```mermaid', 'gantt', '  dateFormat HH:mm:ss', '  axisFormat %H:%M:%S'];
  for (const g of shown) {
    lines.push(`  section ${mermaidLabel(g.id)}`);
    const end = g.closedAt ?? g.expiresAt!;
    lines.push(
      `  on the runner :active, ${hms(g.issuedAt!)}, ${hms(end < g.issuedAt! ? g.issuedAt! : end)}`,
    );
    lines.push(`  accepted by the cloud :${hms(g.issuedAt!)}, ${hms(g.expiresAt!)}`);
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
): string {
  const details = grants
    .map(
      (g) =>
        `<details><summary>Record of ${htmlText(g.id)}</summary>\n\n${record(g)}\n\n</details>`,
    )
    .join('\n');
  return [
    `### ${title}`,
    '',
    `**${verdict(grants)}**`,
    '',
    grantTable(grants),
    '',
    ...extra.flatMap((e) => [e, '']),
    details,
    '',
  ].join('\n');
}

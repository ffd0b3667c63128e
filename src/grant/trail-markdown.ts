import { mdCode, mdText } from '../runner/markdown.js';
import type { Anomaly, Trail, TrailGrant } from './trail.js';

/**
 * The merged trail as Markdown: anomalies first, then one row per grant from approval to
 * closing. Every value came from a ledger someone's step could write: all of it is escaped.
 */
export function trailMarkdown(trail: Trail): string {
  const issued = trail.grants.filter((g) => g.issuedAt).length;
  const refused = trail.grants.filter((g) => g.decision?.outcome === 'denied').length;
  const times = trail.grants.map(firstTime).filter(Boolean).sort();
  const span = times.length ? `, ${when(times[0])} → ${when(times.at(-1))}` : '';
  const lines = [
    '# jit-credentials trail',
    '',
    `${trail.ledgers.length} ledger${trail.ledgers.length === 1 ? '' : 's'}, ${trail.grants.length} grant${trail.grants.length === 1 ? '' : 's'} (${issued} issued, ${refused} refused)${span}.`,
    '',
    `## Anomalies (${trail.anomalies.length})`,
    '',
  ];
  if (trail.anomalies.length === 0)
    lines.push('None: every issued grant was closed, and nothing contradicts.');
  for (const a of trail.anomalies) lines.push(`- ${anomalyLine(a, trail)}`);
  lines.push('', '## Grants', '');
  lines.push(
    '| grant | job | approval | issued | delivered | used | closed |',
    '|---|---|---|---|---|---|---|',
  );
  for (const g of trail.grants) lines.push(row(g));
  lines.push('', '## Ledgers', '');
  for (const l of trail.ledgers) {
    const extra = [
      l.skipped ? `${l.skipped} line(s) skipped` : '',
      l.truncated ? 'cut at the size limit' : '',
      l.error ? mdText(l.error) : '',
    ].filter(Boolean);
    lines.push(
      `- ${mdCode(l.source)}: ${l.events} events${extra.length ? `; ${extra.join('; ')}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const ICON: Record<Anomaly['kind'], string> = {
  'never-closed': '🔓',
  'close-failed': '⛔',
  'not-verified': '⚠️',
  contradiction: '❓',
  'approval-rejected': '🚫',
  'approval-unknown': '❔',
  refused: '✋',
  unreadable: '📄',
};

function anomalyLine(a: Anomaly, trail: Trail): string {
  const where = a.grant
    ? `${mdCode(a.grant)}${jobText(trail.grants.find((g) => g.id === a.grant))}`
    : mdCode(a.source ?? '');
  return `${ICON[a.kind]} **${a.kind}** · ${where}: ${mdText(a.message)}`;
}

function jobText(g: TrailGrant | undefined): string {
  if (!g) return '';
  const parts = [
    g.job['repository'],
    g.job['run_id'] ? `run ${g.job['run_id']}` : '',
    g.step ? `step ${g.step}` : '',
  ]
    .filter(Boolean)
    .map((p) => mdText(p));
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

function row(g: TrailGrant): string {
  const job = [
    g.job['repository'] ? mdText(g.job['repository']) : '',
    g.job['run_id']
      ? `run ${mdText(g.job['run_id'])}${g.job['run_attempt'] ? `.${mdText(g.job['run_attempt'])}` : ''}`
      : '',
    g.step ? `step ${mdCode(g.step)}` : '',
  ]
    .filter(Boolean)
    .join('<br>');
  const cells = [
    `${mdCode(g.id)}<br>${mdText(g.provider)}${g.mode ? ` · ${mdText(g.mode)}` : ''}`,
    job || '—',
    approvalCell(g),
    g.issuedAt
      ? `${when(g.issuedAt)}${g.expiresAt ? `<br>cloud accepts until ${when(g.expiresAt)}` : ''}`
      : g.decision?.outcome === 'denied'
        ? `refused ${when(g.decision.at)}`
        : '—',
    g.deliveredAt ? when(g.deliveredAt) : '—',
    useCell(g),
    closedCell(g),
  ];
  return `| ${cells.join(' | ')} |`;
}

function approvalCell(g: TrailGrant): string {
  const a = g.approval;
  if (!a) return g.job['environment'] ? 'not recorded' : '— (no environment)';
  const who = a.reviews
    .map(
      (r) => `${mdCode(r.login)} ${mdText(r.state)}${r.comment ? ` “${mdText(r.comment)}”` : ''}`,
    )
    .join(', ');
  const env = mdCode(a.environment);
  switch (a.status) {
    case 'approved':
    case 'rejected':
      return `${env}: ${who}`;
    case 'none':
      return `${env}: none in the review history`;
    default:
      return `${env}: unknown (${mdText(a.error ?? 'not read')})`;
  }
}

function useCell(g: TrailGrant): string {
  const u = g.used;
  if (!u) return '—';
  if (u['startedAt'] || u['endedAt']) {
    const end = u['signal']
      ? `signal ${mdText(u['signal'])}`
      : u['exitCode'] !== undefined
        ? `exit ${mdText(u['exitCode'])}`
        : '';
    return `command ${when(u['startedAt'] as string | undefined)} → ${when(u['endedAt'] as string | undefined)}${end ? `, ${end}` : ''}`;
  }
  if (u['until'])
    return `reachable ${when(u['from'] as string | undefined)} → ${when(u['until'] as string)}${u['by'] ? ` (closed by ${mdText(u['by'])})` : ''}`;
  return u['exitCode'] !== undefined ? `exit ${mdText(u['exitCode'])}` : 'recorded';
}

function closedCell(g: TrailGrant): string {
  const c = g.closed;
  if (!c) return g.issuedAt ? '🔓 **not closed**' : '—';
  if (c.failed) return `⛔ failed ${when(c.at)}: ${mdText(c.failed)}`;
  const method =
    c.method === 'revoked'
      ? c.verified
        ? 'revoked, verified'
        : 'revoked, **not verified**'
      : c.method === 'expires'
        ? 'off the runner; expires'
        : c.method
          ? mdText(c.method)
          : 'closed';
  return `${when(c.at)} ${method}${c.by ? ` (by ${mdText(c.by)})` : ''}`;
}

const firstTime = (g: TrailGrant) => g.requestedAt ?? g.issuedAt ?? g.decision?.at ?? '';

/** `2026-11-30 18:42:07Z`, from a time the ledger says; anything else is shown as text. */
function when(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}Z` : mdText(iso);
}

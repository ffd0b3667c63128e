import {
  PHASES,
  readApprovalField,
  type GrantEvent,
  type GrantPhase,
  type LedgerApproval,
} from './ledger.js';

/**
 * Many jobs' ledgers merged into one timeline: per grant, approval → issued → delivered → used
 * → closed, and first of all what does not add up. Every ledger is any step's file: nothing
 * here is believed beyond "this line says so", and every contradiction is shown, not resolved.
 */

/** One ledger as read: where from, its events, and what could not be read. */
export interface LedgerInput {
  readonly source: string;
  readonly events: readonly GrantEvent[];
  readonly skipped: number;
  readonly truncated: boolean;
  readonly error?: string;
}

export type AnomalyKind =
  | 'never-closed'
  | 'close-failed'
  | 'not-verified'
  | 'refused'
  | 'approval-rejected'
  | 'approval-unknown'
  | 'contradiction'
  | 'unreadable';

export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly grant?: string;
  readonly source?: string;
  readonly message: string;
}

export interface TrailGrant {
  readonly id: string;
  readonly provider: string;
  /** Ledgers that hold events of this grant. */
  readonly sources: string[];
  /** From the token claims the ledger recorded: repository, run, workflow, environment, actor. */
  readonly job: Record<string, string>;
  readonly step?: string;
  readonly mode?: string;
  readonly principal?: string;
  readonly requestedAt?: string;
  readonly approval?: LedgerApproval & { readonly at: string };
  readonly decision?: {
    readonly outcome: 'allowed' | 'denied';
    readonly at: string;
    readonly by?: string;
    readonly error?: string;
  };
  readonly issuedAt?: string;
  readonly expiresAt?: string;
  readonly deliveredAt?: string;
  readonly used?: Record<string, string | number>;
  readonly closed?: {
    readonly at: string;
    readonly by?: string;
    readonly method?: string;
    readonly verified?: boolean;
    readonly failed?: string;
  };
  readonly events: number;
}

export interface Trail {
  readonly ledgers: ReadonlyArray<{
    source: string;
    events: number;
    skipped: number;
    truncated: boolean;
    error?: string;
  }>;
  readonly anomalies: readonly Anomaly[];
  readonly grants: readonly TrailGrant[];
}

const JOB_CLAIMS = [
  'repository',
  'run_id',
  'run_attempt',
  'job_workflow_ref',
  'environment',
  'ref',
  'event_name',
  'actor',
];

/** Merges the ledgers: identical lines (one ledger uploaded twice) count once. */
export function buildTrail(inputs: readonly LedgerInput[]): Trail {
  const anomalies: Anomaly[] = [];
  const byGrant = new Map<
    string,
    { events: GrantEvent[]; sources: Set<string>; seen: Set<string> }
  >();
  const lineSources = new Map<string, Map<string, Set<string>>>();
  for (const input of inputs) {
    if (input.error)
      anomalies.push({ kind: 'unreadable', source: input.source, message: input.error });
    if (input.skipped || input.truncated) {
      anomalies.push({
        kind: 'unreadable',
        source: input.source,
        message: `${input.skipped} line(s) are not jit-credentials events${input.truncated ? '; the file was cut at its size limit' : ''}: some step of that job wrote them, or the file was damaged`,
      });
    }
    for (const e of input.events) {
      let g = byGrant.get(e.grant);
      if (!g) byGrant.set(e.grant, (g = { events: [], sources: new Set(), seen: new Set() }));
      g.sources.add(input.source);
      const key = JSON.stringify(e);
      let perSource = lineSources.get(e.grant);
      if (!perSource) lineSources.set(e.grant, (perSource = new Map()));
      if (!perSource.has(input.source)) perSource.set(input.source, new Set());
      perSource.get(input.source)!.add(key);
      if (g.seen.has(key)) continue;
      g.seen.add(key);
      g.events.push(e);
    }
  }
  const grants: TrailGrant[] = [];
  for (const [id, g] of byGrant) {
    const events = [...g.events].sort(byTimeThenPhase);
    const grant = foldGrant(id, events, [...g.sources]);
    grants.push(grant);
    anomalies.push(...grantAnomalies(grant, events));
    const copies = [...(lineSources.get(id)?.values() ?? [])];
    if (copies.length > 1 && !copies.every((c) => sameSet(c, copies[0]!))) {
      anomalies.push({
        kind: 'contradiction',
        grant: id,
        message: `its events differ between ${copies.length} ledgers (${[...g.sources].join(', ')}): a grant id belongs to one job`,
      });
    }
  }
  grants.sort((a, b) => (firstTime(a) < firstTime(b) ? -1 : firstTime(a) > firstTime(b) ? 1 : 0));
  const order = new Map(grants.map((g, i) => [g.id, i]));
  anomalies.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (order.get(a.grant ?? '') ?? -1) - (order.get(b.grant ?? '') ?? -1),
  );
  return {
    ledgers: inputs.map((i) => ({
      source: i.source,
      events: i.events.length,
      skipped: i.skipped,
      truncated: i.truncated,
      ...(i.error ? { error: i.error } : {}),
    })),
    anomalies,
    grants,
  };
}

/** The worst first: a credential that may still work, then what was not proven, then the rest. */
const KIND_ORDER: AnomalyKind[] = [
  'never-closed',
  'close-failed',
  'not-verified',
  'contradiction',
  'approval-rejected',
  'approval-unknown',
  'refused',
  'unreadable',
];

const firstTime = (g: TrailGrant) => g.requestedAt ?? g.issuedAt ?? g.decision?.at ?? '';
const sameSet = (a: Set<string>, b: Set<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

function byTimeThenPhase(a: GrantEvent, b: GrantEvent): number {
  const ta = Date.parse(a.time);
  const tb = Date.parse(b.time);
  return ta - tb || PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase);
}

const str = (e: GrantEvent, k: string) => (typeof e[k] === 'string' ? (e[k] as string) : undefined);

function foldGrant(id: string, events: readonly GrantEvent[], sources: string[]): TrailGrant {
  const first = (phase: GrantPhase) => events.find((e) => e.phase === phase);
  const last = (pred: (e: GrantEvent) => boolean) => [...events].reverse().find(pred);
  const requested = first('requested');
  const approvedEvent = first('approved');
  const approval = approvedEvent ? readApprovalField(approvedEvent['approval']) : undefined;
  const decided = events.find((e) => e.phase === 'allowed' || e.phase === 'denied');
  const issued = first('issued');
  const delivered = first('delivered');
  const used = events.filter((e) => e.phase === 'used');
  // The first closing counts for "when"; a later one that found otherwise is a contradiction.
  const closedEvent = first('closed');
  const failed = last((e) => e.phase === 'close-failed');
  const closing = closedEvent ?? failed;
  const job: Record<string, string> = {};
  const claims = events.map((e) => e['claims']).find((c) => c && typeof c === 'object');
  for (const k of JOB_CLAIMS) {
    const v = (claims as Record<string, unknown> | undefined)?.[k];
    if (typeof v === 'string' || typeof v === 'number') job[k] = String(v);
  }
  return {
    id,
    provider: events[0]?.provider ?? '',
    sources,
    job,
    ...(requested && str(requested, 'step') ? { step: str(requested, 'step')! } : {}),
    ...(requested && str(requested, 'mode') ? { mode: str(requested, 'mode')! } : {}),
    ...(() => {
      const p = (issued && str(issued, 'principal')) ?? (requested && str(requested, 'principal'));
      return p ? { principal: p } : {};
    })(),
    ...(requested ? { requestedAt: requested.time } : {}),
    ...(approval && approvedEvent ? { approval: { ...approval, at: approvedEvent.time } } : {}),
    ...(decided
      ? {
          decision: {
            outcome: decided.phase as 'allowed' | 'denied',
            at: decided.time,
            ...(str(decided, 'by') ? { by: str(decided, 'by')! } : {}),
            ...(str(decided, 'error') ? { error: str(decided, 'error')! } : {}),
          },
        }
      : {}),
    ...(issued ? { issuedAt: issued.time } : {}),
    ...(() => {
      const e = last(
        (x) => (x.phase === 'issued' || x.phase === 'delivered') && !!str(x, 'expiresAt'),
      );
      return e ? { expiresAt: str(e, 'expiresAt')! } : {};
    })(),
    ...(delivered ? { deliveredAt: delivered.time } : {}),
    ...(used.length ? { used: useOf(used) } : {}),
    ...(closing
      ? {
          closed: {
            at: closing.time,
            ...(str(closing, 'by') ? { by: str(closing, 'by')! } : {}),
            ...(str(closing, 'method') ? { method: str(closing, 'method')! } : {}),
            ...(typeof closing['verified'] === 'boolean' ? { verified: closing['verified'] } : {}),
            ...(closing.phase === 'close-failed'
              ? { failed: str(closing, 'error') ?? 'close failed' }
              : {}),
          },
        }
      : {}),
    events: events.length,
  };
}

/** The use as the ledger tells it: a command's run, or an export's reach until closing. */
function useOf(used: readonly GrantEvent[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const e of used) {
    for (const k of ['by', 'startedAt', 'endedAt', 'signal', 'from', 'until', 'note', 'step']) {
      const v = str(e, k);
      if (v !== undefined && out[k] === undefined) out[k] = v;
    }
    const code = e['exitCode'];
    if (typeof code === 'number' && Number.isFinite(code) && out['exitCode'] === undefined)
      out['exitCode'] = code;
  }
  return out;
}

function grantAnomalies(g: TrailGrant, events: readonly GrantEvent[]): Anomaly[] {
  const out: Anomaly[] = [];
  const add = (kind: AnomalyKind, message: string) => out.push({ kind, grant: g.id, message });
  // The policy may allow what the cloud then refuses: the refusal is the denied event's own.
  const denied = events.find((e) => e.phase === 'denied');
  if (denied) {
    const by = str(denied, 'by');
    add(
      'refused',
      `refused${by ? ` by the ${by}` : ''}: ${str(denied, 'error') ?? 'no reason recorded'}`,
    );
  }
  if (g.issuedAt && !g.closed) {
    add(
      'never-closed',
      `issued ${g.issuedAt} and never closed in these ledgers; the cloud accepts it until ${g.expiresAt ?? 'an unrecorded time'}. If the ledger was collected before the post step ran, that step's closing is not in it (see the README recipe)`,
    );
  }
  if (g.closed?.failed) add('close-failed', `closing failed: ${g.closed.failed}`);
  if (g.closed?.method === 'revoked' && g.closed.verified !== true)
    add(
      'not-verified',
      `revoked ${g.closed.at}, but the cloud's refusal was not seen; it stays valid until ${g.expiresAt ?? 'an unrecorded time'}`,
    );
  out.push(...contradictions(g, events));
  if (g.approval?.status === 'rejected')
    add(
      'approval-rejected',
      `the deployment to '${g.approval.environment}' was rejected${g.issuedAt ? ', yet a credential was issued' : ''}`,
    );
  if (g.approval?.status === 'unavailable')
    add(
      'approval-unknown',
      `the approval of '${g.approval.environment}' could not be read: ${g.approval.error ?? 'unknown'}`,
    );
  return out;
}

function contradictions(g: TrailGrant, events: readonly GrantEvent[]): Anomaly[] {
  const out: string[] = [];
  const phases = new Set(events.map((e) => e.phase));
  if (phases.has('denied') && phases.has('issued')) out.push('it was both refused and issued');
  const issued = events.filter((e) => e.phase === 'issued');
  if (new Set(issued.map((e) => `${str(e, 'principal')}|${str(e, 'expiresAt')}`)).size > 1)
    out.push(`it was issued ${issued.length} times with different principals or expiries`);
  const t = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
  if (g.requestedAt && g.issuedAt && t(g.issuedAt)! < t(g.requestedAt)!)
    out.push('it was issued before it was requested');
  const closedFirst = !!(g.closed && g.issuedAt && t(g.closed.at)! < t(g.issuedAt)!);
  if (closedFirst) out.push('it was closed before it was issued');
  if (g.issuedAt && !phases.has('allowed'))
    out.push('it was issued without an allowed decision on record');
  const closings = events.filter((e) => e.phase === 'closed');
  // Every later step closes the job's grants again without checking the cloud (verified: false);
  // only a later closing that found no revocation in place contradicts a verified one.
  const verified = closings.find((e) => str(e, 'method') === 'revoked' && e['verified'] === true);
  const undone =
    verified &&
    closings.find((e) => t(e.time)! > t(verified.time)! && str(e, 'method') !== 'revoked');
  if (verified && undone)
    out.push(
      `revoked and verified at ${verified.time}, yet the closing by ${str(undone, 'by') ?? 'a later step'} at ${undone.time} found no revocation in place`,
    );
  // Closed before issued is said once above, not again for every event after it.
  const closedAt = g.closed && !g.closed.failed && !closedFirst ? t(g.closed.at)! : undefined;
  const late = events.find(
    (e) =>
      closedAt !== undefined &&
      t(e.time)! > closedAt &&
      !['closed', 'close-failed', 'used'].includes(e.phase),
  );
  if (late) out.push(`a '${late.phase}' event at ${late.time} follows its closing`);
  return out.map((message) => ({ kind: 'contradiction' as const, grant: g.id, message }));
}

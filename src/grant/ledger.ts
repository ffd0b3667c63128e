import { join } from 'node:path';
import {
  DELIVERY_MODES,
  PROVIDER_IDS,
  type CloseMethod,
  type DeliveryMode,
  type ProviderId,
} from '../providers/provider.js';
import { errorMessage } from '../errors.js';
import { appendLine, PRIVATE_DIR, readCapped } from '../runner/temp.js';

export type GrantPhase =
  | 'requested'
  | 'approved'
  | 'allowed'
  | 'denied'
  | 'issued'
  | 'delivered'
  | 'used'
  | 'closed'
  | 'close-failed';
export const PHASES: readonly GrantPhase[] = [
  'requested',
  'approved',
  'allowed',
  'denied',
  'issued',
  'delivered',
  'used',
  'closed',
  'close-failed',
];

/** One line of the ledger. Never holds a secret: tokens appear only as SHA-256 digests. */
export interface GrantEvent {
  readonly time: string;
  readonly grant: string;
  readonly phase: GrantPhase;
  readonly provider: ProviderId;
  readonly [field: string]: unknown;
}

/** Grant ids as the engine makes them; anything else in the ledger was not written by us. */
export const GRANT_ID = /^(aws|azure|gcp)-[0-9a-f]{10}$/;

/** A grant as the ledger's events leave it: for display, never an authority for closing. */
export interface GrantState {
  id: string;
  provider: ProviderId;
  phase: GrantPhase;
  step: string;
  mode?: DeliveryMode;
  principal?: string;
  scope?: string;
  scopeDigest?: string;
  requestedTtl?: number;
  effectiveTtl?: number;
  issuedAt?: string;
  expiresAt?: string;
  closedAt?: string;
  closeMethod?: CloseMethod;
  verified?: boolean;
  closeNote?: string;
  /** The endpoint override the last close's answers came from, when not the cloud's own. */
  answeredBy?: string;
  /** Variables exported to GITHUB_ENV. */
  envNames: string[];
  details: Record<string, string | number | boolean>;
  claims?: Record<string, unknown>;
  tokenSha256?: string;
  policy?: Record<string, unknown>;
  error?: string;
  exitCode?: number;
  notes: string[];
  sessionName?: string;
  /** The close handle of the first `issued` event, unchecked: the provider checks it before use. */
  handle?: unknown;
  /** The deployment review as the `approved` event recorded it (see readApprovalField). */
  approval?: LedgerApproval;
  /** The `run:` command's start and end, or how long an export stayed reachable. */
  use?: LedgerUse;
}

/** An `approved` event's approval, each field checked: the ledger is anyone's file. */
export interface LedgerApproval {
  status: 'approved' | 'rejected' | 'none' | 'unavailable';
  environment: string;
  reviews: Array<{ login: string; state: string; comment: string }>;
  readAt?: string;
  error?: string;
}

/** A `used` event: a command's start and end, or an export's window as the closing step saw it. */
export interface LedgerUse {
  by?: string;
  startedAt?: string;
  endedAt?: string;
  signal?: string;
  /** For exports: from delivery until the closing step, and which step closed it. */
  from?: string;
  until?: string;
  note?: string;
}

/** The ledger of this job: one JSON Lines file that every step of the job can read and write. */
export function ledgerPath(privateDir: string): string {
  return join(privateDir, 'ledger.jsonl');
}
export const LEDGER_DIR = PRIVATE_DIR;

/** Large enough for thousands of grants; a larger file was not written by us. */
const MAX_LEDGER_BYTES = 8 << 20;

export interface LedgerRead {
  readonly events: GrantEvent[];
  /** Lines that are not events we write (malformed, torn, foreign); skipped. */
  readonly skipped: number;
  readonly truncated: boolean;
}

export class Ledger {
  constructor(readonly path: string) {}

  /**
   * Appended before the caller acts on it: a grant is on record before its credential leaves
   * the action, so that a crash of this process still leaves it for the post step.
   */
  append(event: GrantEvent): void {
    appendLine(this.path, JSON.stringify(event));
  }

  /** Every line is untrusted input: only well-formed events of ours are kept. */
  read(): LedgerRead {
    const file = readCapped(this.path, MAX_LEDGER_BYTES);
    if (!file) return { events: [], skipped: 0, truncated: false };
    return { ...parseLedgerText(file.text), truncated: file.truncated };
  }
}

/**
 * The ledger as the closers write it: best effort. Any step can break the file (a directory or a
 * FIFO in its place, a hard link), and closing must not wait on it: an event that could not be
 * appended stays in the Recorder's memory, and why is kept here for the step to report.
 */
export class ClosingLedger extends Ledger {
  /** Why appends failed, each reason once. */
  readonly failures: string[] = [];

  /** `unusable`: why the ledger's directory is not used at all. */
  constructor(
    path: string,
    private readonly unusable?: string,
  ) {
    super(path);
  }

  override append(event: GrantEvent): void {
    // Its directory was refused: the reader reports that once; nothing is written through it.
    if (this.unusable !== undefined) return;
    try {
      super.append(event);
    } catch (err) {
      const why = errorMessage(err);
      if (!this.failures.includes(why)) this.failures.push(why);
    }
  }
}

/** The events of a ledger's text: each line untrusted, only well-formed events of ours kept. */
export function parseLedgerText(text: string): { events: GrantEvent[]; skipped: number } {
  const events: GrantEvent[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const event = parseEvent(line);
    if (event) events.push(event);
    else skipped++;
  }
  return { events, skipped };
}

export const MAX_LEDGER_SIZE = MAX_LEDGER_BYTES;

function parseEvent(line: string): GrantEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const e = value as Record<string, unknown>;
  const ok =
    typeof e['time'] === 'string' &&
    !Number.isNaN(Date.parse(e['time'])) &&
    typeof e['grant'] === 'string' &&
    GRANT_ID.test(e['grant']) &&
    PHASES.includes(e['phase'] as GrantPhase) &&
    PROVIDER_IDS.includes(e['provider'] as ProviderId) &&
    (e['grant'] as string).startsWith(`${e['provider'] as string}-`);
  return ok ? (e as GrantEvent) : undefined;
}

const DECIDED: readonly GrantPhase[] = ['allowed', 'denied', 'issued'];
/** The phases whose first line says what decided a grant and what it is: never a later line. */
const SAYS_WHAT_IT_IS: readonly GrantPhase[] = [
  'requested',
  'allowed',
  'denied',
  'issued',
  'delivered',
];

export function foldEvents(events: readonly GrantEvent[]): GrantState[] {
  const byId = new Map<string, GrantState>();
  // The phases each grant has had a line of: what was asked, issued and delivered is set once.
  const seen = new Map<string, Set<GrantPhase>>();
  for (const e of events) {
    let g = byId.get(e.grant);
    if (!g) {
      g = {
        id: e.grant,
        provider: e.provider,
        phase: e.phase,
        step: '',
        envNames: [],
        details: {},
        notes: [],
      };
      byId.set(e.grant, g);
      seen.set(e.grant, new Set());
    }
    if (g.provider !== e.provider) continue;
    const phases = seen.get(e.grant)!;
    // The step that decides records the approval before its decision: one after it is not its.
    if (e.phase === 'approved' && DECIDED.some((p) => phases.has(p))) continue;
    applyEvent(g, e, !phases.has(e.phase));
    phases.add(e.phase);
  }
  return [...byId.values()];
}

const str = (f: Record<string, unknown>, k: string) =>
  typeof f[k] === 'string' ? (f[k] as string) : undefined;
const num = (f: Record<string, unknown>, k: string) =>
  typeof f[k] === 'number' && Number.isFinite(f[k]) ? (f[k] as number) : undefined;
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/** `first`: this is the grant's first line of its phase. */
function applyEvent(g: GrantState, e: GrantEvent, first: boolean): void {
  const f0 = e as Record<string, unknown>;
  // An approval annotates the grant; it is not a step of its life, so the phase stays.
  if (e.phase === 'approved') {
    if (first) g.approval = readApprovalField(f0['approval']) ?? g.approval;
    return;
  }
  if (e.phase === 'used') g.use = readUseField(f0) ?? g.use;
  // What was asked and issued is set once: a later line cannot rewrite the issuance.
  if (!first && (e.phase === 'issued' || e.phase === 'requested')) return;
  // A closed grant stays closed: a late or repeated event must not reopen it.
  if (g.phase === 'closed' && e.phase !== 'closed') return;
  g.phase = e.phase;
  const f = e as Record<string, unknown>;
  g.step = str(f, 'step') ?? g.step;
  const mode = str(f, 'mode');
  if (mode && (DELIVERY_MODES as readonly string[]).includes(mode)) g.mode = mode as DeliveryMode;
  applyIssuance(g, e, first);
  g.error = str(f, 'error') ?? g.error;
  g.exitCode = num(f, 'exitCode') ?? g.exitCode;
  if (first && SAYS_WHAT_IT_IS.includes(e.phase)) applyDecision(g, f);
  if (e.phase === 'closed' || e.phase === 'close-failed') {
    g.closedAt = e.time;
    const method = str(f, 'method');
    if (method === 'revoked' || method === 'expires' || method === 'expired')
      g.closeMethod = method;
    g.verified = typeof f['verified'] === 'boolean' ? f['verified'] : g.verified;
    g.closeNote = str(f, 'note') ?? g.closeNote;
    // Of the same close as `verified`: a later close that went to the cloud's own clears it.
    g.answeredBy = str(f, 'answeredBy');
  }
  const envNames = strings(f['envNames']);
  if (envNames) g.envNames = [...new Set([...g.envNames, ...envNames])];
}

/**
 * What decided a grant (the token, its claims, the policy) and what the cloud said of it (facts,
 * notes, the session), from the first line of each phase that records them: a later line was
 * appended by someone else (any step can write the ledger), and is not shown as the grant's.
 */
function applyDecision(g: GrantState, f: Record<string, unknown>): void {
  g.tokenSha256 = str(f, 'tokenSha256') ?? g.tokenSha256;
  g.sessionName = str(f, 'sessionName') ?? g.sessionName;
  g.notes = strings(f['notes']) ?? g.notes;
  for (const [k, v] of Object.entries(objectOf(f['facts']))) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') g.details[k] = v;
  }
  if (f['claims'] && typeof f['claims'] === 'object') g.claims = objectOf(f['claims']);
  if (f['policy'] && typeof f['policy'] === 'object') g.policy = objectOf(f['policy']);
}

/**
 * Who and what a grant is, and when the cloud refuses it, come from the lines the step that
 * issued it wrote first: the request, the first issuance, and the first delivery, which may only
 * move the expiry later (a tool's own token outliving the credential). Any later line saying
 * otherwise was appended by someone else, and is not shown as the grant's.
 */
function applyIssuance(g: GrantState, e: GrantEvent, first: boolean): void {
  const f = e as Record<string, unknown>;
  // The issued principal (the session) is more precise than the one asked for: never replaced by it.
  if (e.phase === 'issued' || (e.phase === 'requested' && g.issuedAt === undefined)) {
    g.principal = str(f, 'principal') ?? g.principal;
    g.scope = str(f, 'scope') ?? g.scope;
    g.scopeDigest = str(f, 'scopeDigest') ?? g.scopeDigest;
  }
  if (e.phase === 'requested') g.requestedTtl = num(f, 'requestedTtl') ?? g.requestedTtl;
  if (e.phase === 'issued') {
    g.effectiveTtl = num(f, 'effectiveTtl') ?? g.effectiveTtl;
    g.issuedAt = e.time;
    g.handle = f['handle'];
    g.expiresAt = str(f, 'expiresAt') ?? g.expiresAt;
  }
  const later = str(f, 'expiresAt');
  if (e.phase === 'delivered' && first && later && isLater(later, g.expiresAt)) g.expiresAt = later;
}

const isLater = (iso: string, than: string | undefined): boolean => {
  const t = Date.parse(iso);
  const before = than === undefined ? NaN : Date.parse(than);
  return !Number.isNaN(t) && (Number.isNaN(before) || t > before);
};

const APPROVAL_STATUSES = ['approved', 'rejected', 'none', 'unavailable'] as const;

/** An approval as a ledger line holds it, or undefined when it is not one we write. */
export function readApprovalField(v: unknown): LedgerApproval | undefined {
  const a = objectOf(v);
  const status = a['status'];
  const environment = str(a, 'environment');
  if (!APPROVAL_STATUSES.includes(status as LedgerApproval['status']) || environment === undefined)
    return undefined;
  const reviews = (Array.isArray(a['reviews']) ? a['reviews'] : []).slice(0, 50).flatMap((r) => {
    const o = objectOf(r);
    const login = str(o, 'login');
    const state = str(o, 'state');
    return login && state ? [{ login, state, comment: str(o, 'comment') ?? '' }] : [];
  });
  const readAt = str(a, 'readAt');
  const error = str(a, 'error');
  return {
    status: status as LedgerApproval['status'],
    environment,
    reviews,
    ...(readAt ? { readAt } : {}),
    ...(error ? { error } : {}),
  };
}

function readUseField(f: Record<string, unknown>): LedgerUse | undefined {
  const use: LedgerUse = {};
  for (const k of ['by', 'startedAt', 'endedAt', 'signal', 'from', 'until', 'note'] as const) {
    const v = str(f, k);
    if (v !== undefined) use[k] = v;
  }
  return Object.keys(use).length ? use : undefined;
}

const objectOf = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Grants whose credential may still be reachable on the runner or valid in the cloud, as the ledger tells it. */
export function isOpen(g: GrantState): boolean {
  return (
    g.phase === 'issued' ||
    g.phase === 'delivered' ||
    g.phase === 'used' ||
    g.phase === 'close-failed'
  );
}

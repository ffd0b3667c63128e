import { join } from 'node:path';
import { appendLine, PRIVATE_DIR, privateDir, readCapped } from '../runner/temp.js';
import type { CloseMethod, DeliveryMode, ProviderId } from '../providers/provider.js';

export type GrantPhase =
  'requested' | 'allowed' | 'denied' | 'issued' | 'delivered' | 'used' | 'closed' | 'close-failed';

/** One line of the ledger. Never holds a secret: tokens appear only as SHA-256 digests. */
export interface GrantEvent {
  readonly time: string;
  readonly grant: string;
  readonly phase: GrantPhase;
  readonly provider: ProviderId;
  readonly [field: string]: unknown;
}

/** A grant as the ledger's events leave it. */
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
  /** Variables exported to GITHUB_ENV, emptied on close. */
  envNames: string[];
  /** The grant's private directory, deleted on close. */
  dir?: string;
  details: Record<string, string | number | boolean>;
  claims?: Record<string, unknown>;
  tokenSha256?: string;
  policy?: Record<string, unknown>;
  error?: string;
  exitCode?: number;
  notes: string[];
  sessionName?: string;
}

export const LEDGER_DIR = PRIVATE_DIR;
/** Thousands of grants; a ledger padded past this by another step is read only this far. */
export const LEDGER_MAX_BYTES = 16 * 1024 * 1024;

/**
 * One ledger per job: RUNNER_TEMP is per job, and every action instance of the job finds it
 * there. Checks (and creates) the private directory first: this is where a tampered RUNNER_TEMP
 * is refused, before any token is asked for.
 */
export function defaultLedgerPath(runnerTemp: string | undefined): string {
  return join(privateDir(runnerTemp), 'ledger.jsonl');
}

export class Ledger {
  /** Set when the last read stopped at LEDGER_MAX_BYTES. */
  truncated = false;

  constructor(readonly path: string) {}

  /**
   * Appended before the caller acts on it: a grant is on record before its credential leaves
   * the action, so a crash of this process still leaves it for the post step. No fsync: once
   * write() returns, the kernel holds the line for every later process; only a crash of the
   * machine loses it, and then no post step runs anyway.
   */
  append(event: GrantEvent): void {
    appendLine(this.path, JSON.stringify(event));
  }

  events(): GrantEvent[] {
    const read = readCapped(this.path, LEDGER_MAX_BYTES);
    if (!read) return [];
    this.truncated = read.truncated;
    const events: GrantEvent[] = [];
    for (const line of read.text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line) as GrantEvent);
      } catch {
        // A line torn by a crash mid-write is skipped; the events before it still count.
      }
    }
    return events;
  }

  grants(): GrantState[] {
    return foldEvents(this.events());
  }
}

export function foldEvents(events: readonly GrantEvent[]): GrantState[] {
  const byId = new Map<string, GrantState>();
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
    }
    applyEvent(g, e);
  }
  return [...byId.values()];
}

function applyEvent(g: GrantState, e: GrantEvent): void {
  // A closed grant stays closed: a late or repeated event must not reopen it.
  if (g.phase === 'closed' && e.phase !== 'closed') return;
  g.phase = e.phase;
  const f = e as Record<string, unknown>;
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  const num = (k: string) => (typeof f[k] === 'number' ? (f[k] as number) : undefined);
  g.step = str('step') ?? g.step;
  g.mode = (str('mode') as DeliveryMode | undefined) ?? g.mode;
  g.principal = str('principal') ?? g.principal;
  g.scope = str('scope') ?? g.scope;
  g.scopeDigest = str('scopeDigest') ?? g.scopeDigest;
  g.requestedTtl = num('requestedTtl') ?? g.requestedTtl;
  g.effectiveTtl = num('effectiveTtl') ?? g.effectiveTtl;
  g.tokenSha256 = str('tokenSha256') ?? g.tokenSha256;
  g.dir = str('dir') ?? g.dir;
  g.error = str('error') ?? g.error;
  g.exitCode = num('exitCode') ?? g.exitCode;
  g.sessionName = str('sessionName') ?? g.sessionName;
  if (Array.isArray(f['notes'])) g.notes = f['notes'] as string[];
  if (e.phase === 'issued') g.issuedAt = e.time;
  if (e.phase === 'issued' || e.phase === 'delivered')
    g.expiresAt = str('expiresAt') ?? g.expiresAt;
  if (e.phase === 'closed' || e.phase === 'close-failed') {
    g.closedAt = e.time;
    g.closeMethod = (str('method') as CloseMethod | undefined) ?? g.closeMethod;
    g.verified = typeof f['verified'] === 'boolean' ? (f['verified'] as boolean) : g.verified;
    g.closeNote = str('note') ?? g.closeNote;
  }
  if (Array.isArray(f['envNames'])) {
    g.envNames = [...new Set([...g.envNames, ...(f['envNames'] as string[])])];
  }
  if (f['details'] && typeof f['details'] === 'object') {
    Object.assign(g.details, f['details']);
  }
  if (f['claims'] && typeof f['claims'] === 'object')
    g.claims = f['claims'] as Record<string, unknown>;
  if (f['policy'] && typeof f['policy'] === 'object')
    g.policy = f['policy'] as Record<string, unknown>;
}

/** Grants whose credential may still be reachable on the runner or valid in the cloud. */
export function isOpen(g: GrantState): boolean {
  return (
    g.phase === 'issued' ||
    g.phase === 'delivered' ||
    g.phase === 'used' ||
    g.phase === 'close-failed'
  );
}

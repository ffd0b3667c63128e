import type { ProviderId } from '../providers/provider.js';
import type { CloseResult, CloseTarget } from './close.js';
import { foldEvents, type GrantEvent, type GrantState } from './ledger.js';
import type { OpenGrant } from './open-grant.js';

/** The trusted record of a grant, as a close target. */
export function ownTarget(open: OpenGrant): CloseTarget {
  return {
    id: open.id,
    provider: open.provider,
    handle: open.handle,
    expiresAt: new Date(open.expiresAt),
    envNames: open.envNames,
    trusted: true,
  };
}

/**
 * Every grant the ledger says was issued, whatever later lines claim about it: each is closed
 * again. Its handle and expiry are the ledger's (checked by the provider, shown as such).
 */
export function ledgerTargets(states: readonly GrantState[]): CloseTarget[] {
  return states
    .filter((g) => g.issuedAt !== undefined)
    .map((g) => ({
      id: g.id,
      provider: g.provider as ProviderId,
      handle: g.handle,
      expiresAt: validDate(g.expiresAt) ?? new Date(Date.parse(g.issuedAt!) + 43_200_000),
      envNames: g.envNames.filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)),
      trusted: false,
    }));
}

const validDate = (iso: string | undefined) => {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t);
};

/**
 * What reviewers see: the ledger's story of each grant, with how it ended replaced by what this
 * step itself did and saw, and the step's own grant as its trusted record tells it. A claim of
 * the ledger that this step's own check contradicts is said.
 */
export function displayStates(
  events: readonly GrantEvent[],
  before: readonly GrantState[],
  results: readonly CloseResult[],
  own?: OpenGrant,
): { states: GrantState[]; contradicted: Set<string> } {
  const states = foldEvents(events);
  if (own) showAsIssued(states, own);
  const contradicted = new Set<string>();
  for (const r of results) {
    const said = before.find((s) => s.id === r.id);
    // The ledger claimed the cloud refuses it now, and this step found that it does not. Only
    // the trusted record knows when it expires: for another grant `expired` is the ledger's word.
    const claimed =
      said?.phase === 'closed' &&
      (said.verified === true || (said.closeMethod === 'expired' && r.id === own?.id));
    // A deny found in place counts as refusal: a later closer has no keys left to probe with.
    if (claimed && r.method === 'expires') contradicted.add(r.id);
    const g = states.find((s) => s.id === r.id);
    if (!g) continue;
    g.phase = r.problems.length ? 'close-failed' : 'closed';
    g.closeMethod = r.method;
    g.verified = r.verified;
    g.closeNote = r.note;
    g.closedAt ??= r.closedAt;
    if (r.problems.length) g.error = r.problems.join('; ');
  }
  return { states, contradicted };
}

/**
 * The step's own grant shown as main recorded it in the state, whatever later ledger lines say
 * of its principal, lifetime, delivery and variables; missing from the ledger, it is added.
 */
function showAsIssued(states: GrantState[], own: OpenGrant): void {
  let g = states.find((s) => s.id === own.id);
  if (!g) {
    g = {
      id: own.id,
      provider: own.provider,
      phase: 'issued',
      step: '',
      envNames: [],
      details: {},
      notes: [],
    };
    states.unshift(g);
  }
  if (typeof own.principal === 'string') g.principal = own.principal;
  if (typeof own.issuedAt === 'string') g.issuedAt = own.issuedAt;
  g.expiresAt = own.expiresAt;
  g.mode = own.mode;
  g.envNames = own.envNames.filter((n): n is string => typeof n === 'string');
}

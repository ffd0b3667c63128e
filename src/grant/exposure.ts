import type { GrantState } from './ledger.js';

/** What the peers give by default: the credential stays in the job's environment, and lives 1 h. */
export const PEER_CLOUD_SECONDS = 3600;

/**
 * How long a grant's credential could be used, in seconds: reachable on the runner (from
 * issuance to its closing, or to `now` while open) and accepted by the cloud (to a verified
 * revocation, or to its expiry). Next to it, what the peers' defaults would have given the same
 * job: on the runner until the job ends, and one hour in the cloud.
 */
export interface Exposure {
  readonly runner: number;
  readonly cloud: number;
  readonly peerRunner: number;
  readonly peerCloud: number;
}

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

export function exposure(g: GrantState, jobEnd: Date): Exposure | undefined {
  if (!g.issuedAt || !g.expiresAt) return undefined;
  const end = jobEnd.toISOString();
  const offRunner = g.closedAt ?? end;
  const refused =
    g.phase === 'closed' && g.closeMethod === 'revoked' && g.verified && g.closedAt
      ? g.closedAt
      : g.expiresAt;
  return {
    runner: seconds(g.issuedAt, offRunner),
    cloud: seconds(g.issuedAt, refused < g.expiresAt ? refused : g.expiresAt),
    peerRunner: seconds(g.issuedAt, end),
    peerCloud: PEER_CLOUD_SECONDS,
  };
}

/** The sums over a job's grants. */
export function jobExposure(grants: readonly GrantState[], jobEnd: Date): Exposure | undefined {
  const each = grants.map((g) => exposure(g, jobEnd)).filter((e): e is Exposure => !!e);
  if (!each.length) return undefined;
  const sum = (k: keyof Exposure) => each.reduce((n, e) => n + e[k], 0);
  return {
    runner: sum('runner'),
    cloud: sum('cloud'),
    peerRunner: sum('peerRunner'),
    peerCloud: sum('peerCloud'),
  };
}

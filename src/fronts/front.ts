import type { ProviderId } from '../providers/provider.js';
import type { Runner } from '../runner/runner.js';

/**
 * An optional front door: the input names of the action users migrate from, mapped onto
 * ours, so that a migration is a one-line change of `uses:`.
 */
export interface Front {
  readonly provider: ProviderId;
  /** Peer input name → our input name. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Our input name → value used when the user gave neither name (e.g. export: env, as the peer does). */
  readonly defaults: Readonly<Record<string, string>>;
}

export function frontRunner(runner: Runner, front: Front): Runner {
  const peerNames = new Map<string, string[]>();
  for (const [peer, ours] of Object.entries(front.inputs)) {
    peerNames.set(ours, [...(peerNames.get(ours) ?? []), peer]);
  }
  return {
    ...runner,
    input(name: string): string {
      if (name === 'provider') return front.provider;
      const own = runner.input(name);
      if (own.trim() !== '') return own;
      for (const peer of peerNames.get(name) ?? []) {
        const value = runner.input(peer);
        if (value.trim() !== '') return value;
      }
      // A default such as export: env must not fight an explicit run.
      if (name === 'export' && runner.input('run').trim() !== '') return '';
      return front.defaults[name] ?? '';
    },
  };
}

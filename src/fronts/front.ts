import { ConfigurationError } from '../errors.js';
import type { ProviderId } from '../providers/provider.js';
import { parseBoolean } from '../runner/inputs.js';
import type { Runner } from '../runner/runner.js';
import { nearestName } from './nearest.js';

/** How a front door treats one input of the peer's current major version. */
export type PeerInput =
  /** Passed on, as given, under our name `to` (which may be the same name). */
  | { readonly kind: 'mapped'; readonly to: string; readonly note?: string }
  /**
   * Read by the front door's own `prepare`. `standsFor` is our input it derives, which a message
   * of the engine may quote; `values` spells our values of it the peer's way.
   */
  | {
      readonly kind: 'handled';
      readonly note: string;
      readonly standsFor?: string;
      readonly values?: Readonly<Record<string, string>>;
    }
  /**
   * Refused, with the reason and the safer way, when given at all (`when: 'any'`, the default)
   * or when set to true (`when: 'true'`, so that `force-skip-oidc: false` still passes).
   */
  | {
      readonly kind: 'refused';
      readonly when?: 'any' | 'true';
      /** A secret that must not stay readable in the log once refused (static keys). */
      readonly secret?: boolean;
      readonly reason: string;
    };

/** What a front door does with each output of the peer. */
export interface PeerOutput {
  readonly set: boolean;
  readonly note: string;
}

/** The raw inputs as given to the step, read before any of ours is resolved. */
export interface Given {
  /** Trimmed; undefined when not given. */
  value(name: string): string | undefined;
  /** Strict true/false (as the runner's YAML 1.2 core schema spells them). */
  boolean(name: string, fallback: boolean): boolean;
  env(name: string): string | undefined;
  mask(value: string): void;
}

/** An event of the engine the peer's outputs are derived from. */
export interface EngineEvent {
  readonly kind: 'output' | 'env';
  readonly name: string;
  readonly value: string;
}

export interface FrontPlan {
  /** Our inputs derived from the peer's, beyond the one-to-one mappings. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** The peer's outputs to set when the engine sets an output or exports a variable. */
  readonly outputs?: (event: EngineEvent) => Readonly<Record<string, string>>;
  /** Peer outputs (from `outputs`) that carry a credential: the summary names them. */
  readonly secretOutputs?: readonly string[];
  /** Done once the inputs passed every check, before anything is asked of the cloud. */
  readonly start?: (runner: Runner) => void;
}

/**
 * An optional front door: the input and output names of the action users migrate from, on the
 * one engine, so that a migration is a one-line change of `uses:`. It knows every input of the
 * peer's current major version, and an input it does not know fails the step: the runner only
 * warns about one, and a misspelt safety check (allowed-account-ids) would silently be lost.
 */
export interface Front {
  readonly provider: ProviderId;
  /** The front door and the action it stands in for, for messages. */
  readonly name: string;
  readonly peer: string;
  /** Inputs of ours this door takes under our own names (its action.yml lists them too). */
  readonly own: readonly string[];
  readonly inputs: Readonly<Record<string, PeerInput>>;
  readonly outputs: Readonly<Record<string, PeerOutput>>;
  /** Our input → value used when the user gave neither name (e.g. export: env, as the peer does). */
  readonly defaults: Readonly<Record<string, string>>;
  prepare?(given: Given): FrontPlan;
}

const INPUT_PREFIX = 'INPUT_';

/**
 * The engine's inputs every front door takes under our own names: the delivery (`run` and its
 * shell and directory, `export`) and where the policy comes from and how the token is verified.
 */
export const ENGINE_INPUTS = [
  'run',
  'shell',
  'working-directory',
  'export',
  'policy',
  'policy-source',
  'policy-required',
  'github-token',
  'oidc-issuer',
  'http-proxy',
  'no-proxy',
] as const;

/** The runner's variable for an input: `INPUT_` + the name upper-cased, spaces as `_`. */
export function inputVariable(name: string): string {
  return `${INPUT_PREFIX}${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The runner seen through a front door: our inputs resolved from the peer's names, every input
 * checked once before the first is used, and the peer's outputs set beside ours.
 */
export function frontRunner(
  runner: Runner,
  front: Front,
  env: NodeJS.ProcessEnv = process.env,
): Runner {
  const fromPeer = new Map<string, string[]>();
  for (const [peer, spec] of Object.entries(front.inputs)) {
    if (spec.kind === 'mapped') fromPeer.set(spec.to, [...(fromPeer.get(spec.to) ?? []), peer]);
  }
  let prepared: { plan: FrontPlan } | { error: unknown } | undefined;
  const mirrored = new Set<string>();

  const plan = (): FrontPlan => {
    if (!prepared) {
      try {
        const given = givenOf(runner);
        checkKnown(front, env);
        checkRefusals(front, given);
        const p = front.prepare?.(given) ?? {};
        prepared = { plan: p };
      } catch (error) {
        prepared = { error };
      }
    }
    if ('error' in prepared) throw prepared.error;
    return prepared.plan;
  };

  // The engine's first write (the ledger output) comes after every input was checked and before
  // anything is asked: the door's own side effects (unset-current-credentials) wait for it.
  let started = false;
  const start = (): void => {
    if (started || !prepared || 'error' in prepared) return;
    started = true;
    prepared.plan.start?.(runner);
  };

  const peerOutputs = (event: EngineEvent): void => {
    if (!prepared || 'error' in prepared) return;
    const extra = prepared.plan.outputs?.(event) ?? {};
    for (const [name, value] of Object.entries(extra)) {
      runner.setOutput(name, value);
      if (prepared.plan.secretOutputs?.includes(name)) mirrored.add(name);
    }
  };

  return {
    log: runner.log,
    input(name: string): string {
      plan();
      if (name === 'provider') return front.provider;
      const own = runner.input(name);
      if (own.trim() !== '') return own;
      for (const peer of fromPeer.get(name) ?? []) {
        const value = runner.input(peer);
        if (value.trim() !== '') return value;
      }
      const derived = plan().inputs?.[name];
      if (derived !== undefined) return derived;
      // A default such as export: env must not fight an explicit run.
      if (name === 'export' && runner.input('run').trim() !== '') return '';
      return front.defaults[name] ?? '';
    },
    mask: (value) => runner.mask(value),
    setOutput(name, value) {
      start();
      runner.setOutput(name, value);
      peerOutputs({ kind: 'output', name, value });
    },
    exportVariable(name, value) {
      start();
      runner.exportVariable(name, value);
      peerOutputs({ kind: 'env', name, value });
    },
    passOnVariable: (name, value) => runner.passOnVariable(name, value),
    passOnPath: (dir) => runner.passOnPath(dir),
    saveState: (name, value) => runner.saveState(name, value),
    getState: (name) => runner.getState(name),
    async appendSummary(markdown) {
      const note = mirrored.size
        ? `\n\n${front.name}: the credential is also in the step outputs ${[...mirrored].map((n) => `\`${n}\``).join(', ')} (masked), as ${front.peer} sets them; outputs cannot be emptied, so it stays there until it expires.\n`
        : '';
      await runner.appendSummary(markdown + note);
    },
    fail: (message) => runner.fail(withPeerNames(message, front, namesOf(front))),
    env: (name) => runner.env(name),
  };
}

function givenOf(runner: Runner): Given {
  const value = (name: string) => {
    const v = runner.input(name).trim();
    return v === '' ? undefined : v;
  };
  return {
    value,
    boolean(name, fallback) {
      const v = value(name);
      return v === undefined ? fallback : parseBoolean(name, v);
    },
    env: (name) => runner.env(name),
    mask: (v) => runner.mask(v),
  };
}

/** Every `INPUT_*` of the step must be an input of ours or of the peer. */
function checkKnown(front: Front, env: NodeJS.ProcessEnv): void {
  const known = [...front.own, ...Object.keys(front.inputs)];
  const variables = new Set(known.map(inputVariable));
  const unknown = Object.keys(env)
    .filter((k) => k.startsWith(INPUT_PREFIX) && !variables.has(k))
    .sort();
  if (unknown.length === 0) return;
  const lines = unknown.map((variable) => {
    const name = variable.slice(INPUT_PREFIX.length).toLowerCase();
    return `'${name}': did you mean '${suggestion(name, front, known)}'?`;
  });
  throw new ConfigurationError(
    `${front.name} does not know ${unknown.length === 1 ? 'the input' : 'these inputs'} ${lines.join(' ')} ` +
      `It takes every input of ${front.peer} and its own (${front.own.join(', ')}); an input it ignored ` +
      'would fail silently, and a check it asked for would be lost. Fix the name in `with:` ' +
      `(or remove an INPUT_${unknown[0]!.slice(INPUT_PREFIX.length)} variable from the job's env:).`,
  );
}

/** Our own name for something the peer names differently points at the peer's name. */
function suggestion(name: string, front: Front, known: readonly string[]): string {
  for (const [peer, spec] of Object.entries(front.inputs)) {
    if (spec.kind === 'mapped' && spec.to === name) return peer;
  }
  return nearestName(name, known) ?? known[0]!;
}

function checkRefusals(front: Front, given: Given): void {
  const refused = Object.entries(front.inputs).filter(
    (e): e is [string, Extract<PeerInput, { kind: 'refused' }>] => e[1].kind === 'refused',
  );
  // Every secret given is masked before the first refusal is reported, not only that one.
  for (const [name, spec] of refused) {
    const value = given.value(name);
    if (spec.secret && value !== undefined) given.mask(value);
  }
  for (const [name, spec] of refused) {
    const value = given.value(name);
    if (value === undefined) continue;
    if (spec.when === 'true' && !parseBoolean(name, value)) continue;
    throw new ConfigurationError(`${front.name} refuses '${name}': ${spec.reason}`);
  }
}

/** Our input → the peer's names for it: the mapped inputs, and the handled ones that derive it. */
function namesOf(front: Front): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [peer, spec] of Object.entries(front.inputs)) {
    const ours =
      spec.kind === 'mapped' ? spec.to : spec.kind === 'handled' ? spec.standsFor : undefined;
    if (ours !== undefined) names.set(ours, [...(names.get(ours) ?? []), peer]);
  }
  return names;
}

/** `'token-format: id-token' is 'token_format: id_token'` for each such value a message quotes. */
function peerValues(message: string, front: Front): string[] {
  const out: string[] = [];
  for (const [peer, spec] of Object.entries(front.inputs)) {
    if (spec.kind !== 'handled' || !spec.standsFor || !spec.values) continue;
    for (const [ours, theirs] of Object.entries(spec.values)) {
      const phrase = `'${spec.standsFor}: ${ours}'`;
      if (message.includes(phrase)) out.push(`${phrase} is '${peer}: ${theirs}'`);
    }
  }
  return out;
}

/**
 * Messages of the engine name our inputs; on a front door the user wrote the peer's names, so
 * each of ours a message quotes is followed by the name to change.
 */
function withPeerNames(message: string, front: Front, fromPeer: Map<string, string[]>): string {
  const seen = peerValues(message, front);
  for (const [ours, peers] of fromPeer) {
    if (peers.includes(ours)) continue;
    const quoted = new RegExp(`(?:'${ours}'|'${ours}:|Invalid ${ours} ')`);
    if (quoted.test(message) && !seen.some((s) => s.startsWith(`'${ours}: `)))
      seen.push(`'${ours}' is ${peers.map((p) => `'${p}'`).join(' or ')}`);
  }
  if (seen.length === 0) return message;
  return `${message}\n(On ${front.name}: ${seen.join(', ')}.)`;
}

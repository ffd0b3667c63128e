import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { signalGroup } from '../runner/child.js';
import type { IdTokenSource } from '../runner/oidc.js';
import { initProxy } from '../runner/proxy.js';
import type { Runner } from '../runner/runner.js';
import { PRIVATE_DIR, privateDir, runnerTempOf } from '../runner/temp.js';
import { closerOf } from '../providers/closers.js';
import { PROVIDER_IDS } from '../providers/provider.js';
import { closeGrant, type CloseResult, type CloseTarget } from './close.js';
import {
  ClosingLedger,
  foldEvents,
  type Ledger,
  ledgerPath,
  type LedgerRead,
  type GrantEvent,
  type GrantState,
  isOpen,
} from './ledger.js';
import { decodeOpenGrant, type OpenGrant } from './open-grant.js';
import { Recorder } from './recorder.js';
import { ledgerTargets, ownTarget } from './targets.js';
import { STATE } from './names.js';

export interface JobCloseDeps {
  readonly runner: Runner;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
  readonly idToken: IdTokenSource;
  readonly by: 'post' | 'revoke';
}

export interface JobClose {
  /** This step's own grant (post), from the state main saved. */
  readonly own: OpenGrant | undefined;
  /** Whether main closed its own grant (its `run:` command ended there). */
  readonly closedByMain: boolean;
  /** The ledger as it was read, before this step's closings. */
  readonly before: GrantState[];
  readonly events: GrantEvent[];
  readonly results: CloseResult[];
  /** Ids asked for that no grant of the job has. */
  readonly unknown: string[];
  readonly notes: string[];
  readonly ledgerPath: string;
  /** What was wrong with the ledger, when it could not be read or written: a step tampered with it. */
  readonly ledgerProblems: string[];
  /** Set when the action's state holds a grant record this action did not write. */
  readonly stateProblem: string | undefined;
  /** Lines of the ledger that are not events of ours, and whether it was cut at its size limit. */
  readonly skipped: number;
  readonly truncated: boolean;
}

const STATE_REWRITTEN =
  "The grant record the main step saved in the action's state is not one this action writes: a step of this job rewrote GITHUB_STATE (a `run:` command can, before it kills the main step), so this step cannot tell which grant was its own. Grants the ledger names were closed; one it no longer names may be open until the cloud's expiry.";

/** Kills the command's process group, then what it left outside it that still carries its marker. */
async function endCommand(own: OpenGrant): Promise<string[]> {
  const notes: string[] = [];
  if (signalGroup(own.processGroup, 'SIGKILL')) {
    notes.push(
      `The main step ended before its \`run:\` command did; the command's process group ${own.processGroup} was killed before the grant was closed.`,
    );
  }
  // The state is data written by this action's main step; a malformed marker is not looked for.
  const { lookForCommandProcesses, MARKER_VALUE } = await import('../runner/survivors.js');
  if (typeof own.commandMarker === 'string' && MARKER_VALUE.test(own.commandMarker)) {
    const { killed: n, unverified } = lookForCommandProcesses({
      marker: own.commandMarker,
      secrets: [],
      processGroup: own.processGroup,
    });
    if (n > 0) {
      notes.push(
        `The command had left ${n === 1 ? '1 process' : `${n} processes`} outside its process group running (setsid or job control); ${n === 1 ? 'it was' : 'they were'} killed before the grant was closed.`,
      );
    }
    for (const why of unverified)
      notes.push(
        `⚠️ Whether the command left a process running with its credential could not be verified: ${why}. Treat the credential as exposed until it expires.`,
      );
  }
  return notes;
}

/**
 * Closes again every grant of the job (or those named), whatever the ledger says of them: the
 * ledger is a log that any step can write, so every closer redoes the runner-side work and
 * checks the cloud itself. A grant this action's main step issued is taken from its state and
 * closed whatever the ledger is: one that cannot be read counts as empty, appends that fail are
 * kept in memory, and both are reported (`ledgerProblems`) for the step to fail on.
 */
export async function closeJobGrants(
  deps: JobCloseDeps,
  only?: readonly string[],
): Promise<JobClose> {
  const { runner } = deps;
  const saved = runner.getState(STATE.grant);
  const own = decodeOpenGrant(saved);
  const stateProblem = saved && !own ? STATE_REWRITTEN : undefined;
  const closedByMain = runner.getState(STATE.closed) !== '';
  const notes: string[] = [];
  // Main died while its command ran: end whatever of the command is left before closing its grant.
  if (own?.processGroup !== undefined && !closedByMain) notes.push(...(await endCommand(own)));
  const { dir, unusable } = openPrivateDir(deps.env['RUNNER_TEMP']);
  const ledger = new ClosingLedger(ledgerPath(dir), unusable);
  const read = readLedger(ledger, unusable);
  if (read.skipped || read.truncated) {
    runner.log.warning(
      `The ledger ${ledger.path} holds ${read.skipped} line(s) that are not jit-credentials events${read.truncated ? ' and was cut at its size limit' : ''}; they were skipped. Some step of this job wrote them.`,
    );
  }
  const before = foldEvents(read.events);
  let targets: CloseTarget[] = ledgerTargets(before).filter((t) => t.id !== own?.id);
  if (own) targets.unshift(ownTarget(own));
  const unknown = (only ?? []).filter((id) => !targets.some((t) => t.id === id));
  if (only) targets = targets.filter((t) => only.includes(t.id));
  const recorder = new Recorder(ledger, deps.now);
  const results: CloseResult[] = [];
  for (const t of targets) {
    try {
      recordExportUse(t, own, before, recorder, deps);
      results.push(
        await closeGrant(t, {
          runner,
          recorder,
          now: deps.now,
          idToken: deps.idToken,
          env: deps.env,
          privateDir: dir,
          ...(unusable === undefined ? {} : { privateDirUnusable: unusable }),
          by: deps.by,
        }),
      );
    } catch (err) {
      runner.log.warning(`Grant ${t.id} could not be closed: ${errorMessage(err)}`);
    }
  }
  const ledgerProblems = [
    ...(read.problem ? [read.problem] : []),
    ...ledger.failures.map((why) => `could not be written (${why})`),
  ];
  return {
    own,
    closedByMain,
    before,
    events: [...read.events, ...recorder.events],
    results,
    unknown,
    notes,
    ledgerPath: ledger.path,
    ledgerProblems,
    stateProblem,
    skipped: read.skipped,
    truncated: read.truncated,
  };
}

/**
 * RUNNER_TEMP/jit-credentials, checked as every step checks it. When a step put something else
 * there, closing goes on without it (the variables and the cloud do not need it), and says why.
 */
function openPrivateDir(runnerTemp: string | undefined): { dir: string; unusable?: string } {
  const path = join(runnerTempOf(runnerTemp), PRIVATE_DIR);
  try {
    return { dir: privateDir(runnerTemp) };
  } catch (err) {
    return { dir: path, unusable: errorMessage(err) };
  }
}

/** The ledger's events; one that cannot be read is closed as empty, and the problem is kept. */
function readLedger(
  ledger: Ledger,
  unusable: string | undefined,
): LedgerRead & { readonly problem?: string } {
  const empty = { events: [], skipped: 0, truncated: false };
  if (unusable !== undefined) {
    return { ...empty, problem: `could not be read or written (${unusable})` };
  }
  try {
    return ledger.read();
  } catch (err) {
    return { ...empty, problem: `could not be read (${errorMessage(err)})` };
  }
}

/**
 * The grants worth a block: the step's own grant unless its main step closed it (what the ledger
 * says of it is no reason to stay silent: any step can append a `closed` line), and others left
 * open by the ledger's account, missing from it, or contradicted.
 */
export function worthShowing(job: JobClose, contradicted: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const r of job.results) {
    const was = job.before.find((g) => g.id === r.id);
    const ownNews = r.id === job.own?.id && !job.closedByMain;
    if (ownNews || !was || isOpen(was) || contradicted.has(r.id) || r.problems.length)
      ids.add(r.id);
  }
  return ids;
}

/**
 * Empties every credential variable of every cloud still set in this step's environment, whatever
 * the ledger names: lines can be deleted, or pushed past the size limit, to hide a grant that the
 * job still holds. Settings (a region, a project, a tenant) stay, unless they point into this
 * action's directory: the job's own `env:` may have set them, and later steps still need them.
 * Returns the names emptied.
 */
export function emptyEveryCloudVariable(runner: Runner, env: NodeJS.ProcessEnv): string[] {
  const temp = env['RUNNER_TEMP'];
  const ours = temp ? join(temp, PRIVATE_DIR) : undefined;
  const isOurs = (value: string) => !!ours && (value === ours || value.startsWith(`${ours}/`));
  const names = PROVIDER_IDS.flatMap((id) => {
    const closer = closerOf(id);
    return closer.envNames.filter((n) => {
      const value = env[n];
      return !!value && (closer.credentialNames.includes(n) || isOurs(value));
    });
  });
  const emptied = [...new Set(names)];
  // GITHUB_ENV cannot unset a variable; an empty value is what later steps will see.
  for (const name of emptied) runner.exportVariable(name, '');
  return emptied;
}

/**
 * For an exported credential, use is what the runner can tell: the steps after its delivery
 * could read it until this step closes it. Which of them did, and what the cloud saw, no one
 * on the runner knows, and the record does not pretend to.
 */
function recordExportUse(
  t: CloseTarget,
  own: OpenGrant | undefined,
  before: readonly GrantState[],
  recorder: Recorder,
  deps: JobCloseDeps,
): void {
  const g = before.find((s) => s.id === t.id);
  const mine = own?.id === t.id ? own : undefined;
  const mode = mine ? mine.mode : g?.mode;
  if (mode !== 'env' && mode !== 'outputs') return;
  // Main saves the variables it exported to its state only once delivered: that says so for a
  // ledger that could not be read.
  const delivered = g ? g.phase === 'delivered' || g.phase === 'used' : !!mine?.envNames.length;
  if (!delivered) return;
  const from = mine?.issuedAt ?? g?.issuedAt;
  const step = deps.env['GITHUB_ACTION'] ?? '';
  const closer =
    deps.by === 'post'
      ? 'the post step at the end of the job'
      : `actions/revoke (step ${step || '?'})`;
  const reach =
    mode === 'env'
      ? "in the job's environment, readable by every step after its delivery"
      : 'in step outputs, readable by the steps that mapped them';
  recorder.record(t, 'used', {
    by: deps.by,
    mode,
    ...(typeof from === 'string' ? { from } : {}),
    until: deps.now().toISOString(),
    step,
    note: `${reach}, until ${closer} closed it; the runner does not say which steps read it, nor what the cloud saw`,
  });
}

/**
 * The proxy settings, read before any request. Any step can set them through GITHUB_ENV: one
 * that does not parse must not stop the closing (the runner-side scrub needs no network), so it
 * is said, and fails the step, after it.
 */
export function startProxy(runner: Runner, env: NodeJS.ProcessEnv): string | undefined {
  try {
    initProxy(env, (secret) => runner.mask(secret));
    return undefined;
  } catch (err) {
    return `The proxy settings of this step could not be read (${errorMessage(err)}). Closing went on: emptying the variables needs no network; a request to a cloud fails on the same error. Find the step that set them through GITHUB_ENV.`;
  }
}

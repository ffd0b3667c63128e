import { errorMessage } from '../errors.js';
import { killMarkedProcesses, MARKER_VALUE, signalGroup } from '../runner/child.js';
import type { IdTokenSource } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';
import { privateDir } from '../runner/temp.js';
import { closeGrant, type CloseResult, type CloseTarget } from './close.js';
import {
  foldEvents,
  Ledger,
  ledgerPath,
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
}

/** Kills the command's process group, then what it left outside it that still carries its marker. */
function endCommand(own: OpenGrant): string[] {
  const notes: string[] = [];
  if (signalGroup(own.processGroup, 'SIGKILL')) {
    notes.push(
      `The main step ended before its \`run:\` command did; the command's process group ${own.processGroup} was killed before the grant was closed.`,
    );
  }
  // The state is data written by this action's main step; a malformed marker is not looked for.
  if (typeof own.commandMarker === 'string' && MARKER_VALUE.test(own.commandMarker)) {
    const n = killMarkedProcesses({
      marker: own.commandMarker,
      secrets: [],
      processGroup: own.processGroup,
    });
    if (n > 0) {
      notes.push(
        `The command had left ${n === 1 ? '1 process' : `${n} processes`} outside its process group running (setsid or job control); ${n === 1 ? 'it was' : 'they were'} killed before the grant was closed.`,
      );
    }
  }
  return notes;
}

/**
 * Closes again every grant of the job (or those named), whatever the ledger says of them: the
 * ledger is a log that any step can write, so every closer redoes the runner-side work and
 * checks the cloud itself. A grant this action's main step issued is taken from its state.
 */
export async function closeJobGrants(
  deps: JobCloseDeps,
  only?: readonly string[],
): Promise<JobClose> {
  const { runner } = deps;
  const own = decodeOpenGrant(runner.getState(STATE.grant));
  const closedByMain = runner.getState(STATE.closed) !== '';
  const notes: string[] = [];
  // Main died while its command ran: end whatever of the command is left before closing its grant.
  if (own?.processGroup !== undefined && !closedByMain) notes.push(...endCommand(own));
  const dir = privateDir(deps.env['RUNNER_TEMP']);
  const ledger = new Ledger(ledgerPath(dir));
  const read = ledger.read();
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
    recordExportUse(t, own, before, recorder, deps);
    try {
      results.push(
        await closeGrant(t, {
          runner,
          recorder,
          now: deps.now,
          idToken: deps.idToken,
          env: deps.env,
          privateDir: dir,
          by: deps.by,
        }),
      );
    } catch (err) {
      runner.log.warning(`Grant ${t.id} could not be closed: ${errorMessage(err)}`);
    }
  }
  return {
    own,
    closedByMain,
    before,
    events: [...read.events, ...recorder.events],
    results,
    unknown,
    notes,
    ledgerPath: ledger.path,
  };
}

/** The grants worth a block: left open by the ledger's account, missing from it, or contradicted. */
export function worthShowing(job: JobClose, contradicted: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const r of job.results) {
    const was = job.before.find((g) => g.id === r.id);
    if (!was || isOpen(was) || contradicted.has(r.id) || r.problems.length) ids.add(r.id);
  }
  return ids;
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
  const mode = own?.id === t.id ? own.mode : g?.mode;
  if (mode !== 'env' && mode !== 'outputs') return;
  if (!g || (g.phase !== 'delivered' && g.phase !== 'used')) return;
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
    ...(g.issuedAt ? { from: g.issuedAt } : {}),
    until: deps.now().toISOString(),
    step,
    note: `${reach}, until ${closer} closed it; the runner does not say which steps read it, nor what the cloud saw`,
  });
}

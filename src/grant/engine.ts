import { join } from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import { requestsSent } from '../http/node-fetch.js';
import type {
  AnyProvider,
  Credential,
  Delivery,
  GrantRequest,
  Plan,
} from '../providers/provider.js';
import { runIsolated, type IsolatedResult } from '../runner/command.js';
import type { CancelWatch } from '../runner/cancel.js';
import type { IdTokenSource } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';
import { privateSubdir, writePrivateFile } from '../runner/temp.js';
import { closeGrant, type CloseResult } from './close.js';
import { PolicyUnavailable, type Decision, type Judge } from './decide.js';
import type { GrantPhase } from './ledger.js';
import type { Recorder } from './recorder.js';
import { encodeOpenGrant, type OpenGrant } from './open-grant.js';
import { OUTPUT, STATE } from './names.js';
import type { EngineSettings } from './settings.js';
import { recordToken } from './token-record.js';

export interface EngineDeps {
  readonly runner: Runner;
  readonly recorder: Recorder;
  readonly idToken: IdTokenSource;
  readonly now: () => Date;
  /** RUNNER_TEMP/jit-credentials, already checked. */
  readonly privateDir: string;
  /** The step's environment; the `run:` command inherits it, less what it must not see. */
  readonly env: NodeJS.ProcessEnv;
  /** Set when the job was cancelled: nothing more is delivered. */
  readonly cancel?: CancelWatch;
}

export interface GrantOutcome {
  readonly decision: Decision;
  /** Set once a credential exists. */
  readonly open?: OpenGrant;
  /** Set when this step closed the grant (`run:`, or a delivery that failed half-way). */
  readonly closed?: CloseResult;
  /** Exit code of the `run:` command. */
  readonly exitCode?: number;
  /** File-command entries of the command that were refused (IsolatedResult.dropped). */
  readonly dropped?: readonly string[];
  /**
   * The command's step summary as it is to be shown (IsolatedResult.summary): appended after
   * the action's own record, never before it.
   */
  readonly commandSummary?: string;
}

/**
 * The job's GitHub token, with the wait for it used: the issuer's keys and the policy are read,
 * and once these requests have left, the cloud's SDK is loaded (`load`). Nothing is sent to the
 * cloud, and what was read counts only once the verified token says it is the job's; the decision
 * still comes first.
 */
async function tokenUsingTheWait(
  idToken: IdTokenSource,
  audience: string,
  judge: Judge,
  load: () => void,
): Promise<string> {
  let tokenSent!: () => void;
  const sent = new Promise<void>((resolve) => (tokenSent = resolve));
  const tokenRequest = idToken(audience, { onSent: tokenSent });
  judge.prepare?.();
  // Loading early only saves time: issue() loads the SDK again, and says what went wrong.
  void sent
    .then(requestsSent)
    .then(load)
    .then(() => judge.warm?.())
    .catch(() => undefined);
  try {
    return await tokenRequest;
  } catch (err) {
    // The reads ahead would otherwise keep a failed step open until their deadline.
    judge.cancel?.();
    throw err;
  }
}

/**
 * One grant's life in the main step, each phase returning a value to the next:
 * plan (done by the caller) → decide → issue → deliver → (for `run:`) use and close → record.
 * Every phase is on the ledger before it is acted on, so that whatever happens once a
 * credential exists, the post step can find and close it.
 */
export async function runGrant(
  settings: EngineSettings,
  provider: AnyProvider,
  plan: Plan<unknown>,
  judge: Judge,
  deps: EngineDeps,
): Promise<GrantOutcome> {
  const { runner } = deps;
  const request = plan.request;
  const grant = { id: settings.grantId, provider: provider.id };
  const record = (phase: GrantPhase, fields?: Record<string, unknown>) =>
    deps.recorder.record(grant, phase, fields);
  record('requested', {
    step: deps.env['GITHUB_ACTION'] ?? '',
    mode: settings.mode,
    principal: request.principal,
    scope: request.scope,
    requestedTtl: request.requestedLifetime ?? request.lifetime,
  });
  for (const o of request.endpointOverrides) {
    runner.log.warning(
      `${o}: the GitHub OIDC token for this grant is sent there, not to ${provider.id}'s own endpoint.`,
    );
  }
  const token = await tokenUsingTheWait(deps.idToken, request.audience, judge, () =>
    provider.prepare?.(plan),
  );
  const tokenRecord = recordToken(token);
  const decision = await decide(judge, request, token, record, tokenRecord);

  let issued;
  try {
    issued = await provider.issue(plan, {
      log: runner.log,
      grantId: settings.grantId,
      token,
      idToken: deps.idToken,
      now: deps.now,
      mask: (secret) => runner.mask(secret),
    });
  } catch (err) {
    record('denied', { by: 'cloud', error: errorMessage(err), ...tokenRecord });
    throw err;
  }
  const { credential, handle } = issued;
  // Masked before anything else can print them: the ledger, the summary and outputs come after.
  for (const secret of credential.secrets) runner.mask(secret);
  const issuedAt = deps.now();
  record('issued', {
    principal: credential.principal,
    scope: credential.scope,
    scopeDigest: credential.scopeDigest,
    expiresAt: credential.expiresAt.toISOString(),
    effectiveTtl: secondsBetween(issuedAt, credential.expiresAt),
    facts: credential.facts,
    notes: credential.notes,
    handle,
    // For reviewers only: closing derives the directory from the grant id.
    dir: join(deps.privateDir, settings.grantId),
    ...tokenRecord,
  });
  let open: OpenGrant = {
    id: settings.grantId,
    provider: provider.id,
    mode: settings.mode,
    principal: credential.principal,
    issuedAt: issuedAt.toISOString(),
    expiresAt: credential.expiresAt.toISOString(),
    envNames: [],
    handle,
  };
  // Saved before the credential leaves this process: post closes it even if this step dies.
  runner.saveState(STATE.grant, encodeOpenGrant(open));
  runner.setOutput(OUTPUT.principal, credential.principal);

  let delivered = false;
  // Set once useAndClose has the grant: it closes it itself, whatever happens.
  let running = false;
  try {
    if (deps.cancel?.cancelled) {
      throw new Error(
        `The job was cancelled (${deps.cancel.cancelled}) while the credential was issued; it is closed unused.`,
      );
    }
    const dir = privateSubdir(deps.privateDir, settings.grantId);
    const delivery = await provider.deliver(plan, credential, {
      log: runner.log,
      mode: settings.mode,
      dir,
      run: settings.run,
    });
    open = recordDelivery(open, credential, delivery, settings, deps);
    runner.saveState(STATE.grant, encodeOpenGrant(open));
    if (settings.mode !== 'run') {
      exportDelivery(delivery, settings, runner);
      delivered = true;
      return { decision, open };
    }
    running = true;
    return await useAndClose(open, credential, delivery, settings, dir, deps).then((r) => ({
      decision,
      ...r,
    }));
  } finally {
    // A delivery that failed half-way (an export, or a run: whose command never started) is
    // closed at once: nothing half-delivered stays behind.
    if (!delivered && !running) await closeOwn(open, deps, credential);
  }
}

async function decide(
  judge: Judge,
  request: GrantRequest,
  token: string,
  record: (phase: GrantPhase, fields?: Record<string, unknown>) => void,
  tokenRecord: ReturnType<typeof recordToken>,
): Promise<Decision> {
  let decision: Decision;
  try {
    decision = await judge.judge(request, token);
  } catch (err) {
    // Claims are recorded only from a token that verified: a forged one's are anyone's words.
    const verified = err instanceof PolicyUnavailable && err.tokenVerified;
    record('denied', {
      by: 'policy',
      error: errorMessage(err),
      tokenSha256: tokenRecord.tokenSha256,
      ...(verified ? { claims: tokenRecord.claims } : {}),
    });
    throw err;
  }
  // The approval goes on record before the decision it informed, whatever that decision is.
  if (decision.approval) record('approved', { approval: decision.approval });
  if (!decision.allowed) {
    const message = decision.refusal ?? 'The policy refused this request.';
    record('denied', { by: 'policy', error: message, policy: decision.record, ...tokenRecord });
    throw new PolicyRefusal(message, decision);
  }
  record('allowed', { by: 'policy', policy: decision.record, ...tokenRecord });
  return decision;
}

/** A refusal by the policy: a user-fixable outcome that still carries the decision for the summary. */
export class PolicyRefusal extends ConfigurationError {
  constructor(
    message: string,
    readonly decision: Decision,
  ) {
    super(message);
  }
}

function recordDelivery(
  open: OpenGrant,
  credential: Credential,
  delivery: Delivery,
  settings: EngineSettings,
  deps: EngineDeps,
): OpenGrant {
  for (const secret of delivery.secrets ?? []) deps.runner.mask(secret);
  // The later of the two expiries is when the cloud stops accepting every copy.
  const later =
    delivery.expiresAt && delivery.expiresAt > credential.expiresAt
      ? delivery.expiresAt
      : undefined;
  const envNames = settings.mode === 'env' ? Object.keys(delivery.env) : [];
  deps.recorder.record(open, 'delivered', {
    ...(later ? { expiresAt: later.toISOString() } : {}),
    ...(delivery.notes?.length ? { notes: [...credential.notes, ...delivery.notes] } : {}),
    mode: settings.mode,
    envNames,
    outputNames: settings.mode === 'outputs' ? Object.keys(delivery.outputs) : [],
    files: delivery.files.map((f) => f.path),
  });
  for (const file of delivery.files) writePrivateFile(file.path, file.content);
  deps.runner.setOutput(OUTPUT.expiresAt, (later ?? credential.expiresAt).toISOString());
  return { ...open, envNames, ...(later ? { expiresAt: later.toISOString() } : {}) };
}

function exportDelivery(delivery: Delivery, settings: EngineSettings, runner: Runner): void {
  if (settings.mode === 'env') {
    for (const [name, value] of Object.entries(delivery.env)) runner.exportVariable(name, value);
  } else {
    for (const [name, value] of Object.entries(delivery.outputs)) runner.setOutput(name, value);
  }
}

async function useAndClose(
  open: OpenGrant,
  credential: Credential,
  delivery: Delivery,
  settings: EngineSettings,
  dir: string,
  deps: EngineDeps,
): Promise<Omit<GrantOutcome, 'decision'>> {
  let result: IsolatedResult | undefined;
  let closed: CloseResult;
  // The command starts as this call begins; its end is when the call returns.
  const startedAt = deps.now().toISOString();
  try {
    result = await runIsolated(
      {
        script: settings.run!,
        shell: settings.shell,
        cwd: settings.workingDirectory,
        baseEnv: deps.env,
        grantEnv: delivery.env,
        unset: delivery.unset ?? [],
        dir,
        secrets: [...credential.secrets, ...(delivery.secrets ?? [])],
        // The group and marker are in the state before the command can do anything worth closing.
        onStart: (group, marker) =>
          deps.runner.saveState(
            STATE.grant,
            encodeOpenGrant({ ...open, processGroup: group, commandMarker: marker }),
          ),
      },
      deps.runner,
    );
    deps.recorder.record(open, 'used', {
      by: 'run',
      startedAt,
      endedAt: deps.now().toISOString(),
      exitCode: result.exitCode,
      ...(result.signal ? { signal: result.signal } : {}),
      ...(result.dropped.length ? { dropped: result.dropped } : {}),
      ...(result.killedOutsideGroup ? { killedOutsideGroup: result.killedOutsideGroup } : {}),
    });
  } finally {
    // Closed from what this process holds, whatever the command did to the files it could reach.
    closed = await closeOwn(open, deps, credential);
  }
  return {
    open,
    closed,
    exitCode: result.exitCode,
    dropped: result.dropped,
    ...(result.summary ? { commandSummary: result.summary } : {}),
  };
}

/** `credential` is what issue returned, still in memory: closing proves itself with it, not with files. */
async function closeOwn(
  open: OpenGrant,
  deps: EngineDeps,
  credential: Credential,
): Promise<CloseResult> {
  const closed = await closeGrant(
    {
      id: open.id,
      provider: open.provider,
      handle: open.handle,
      expiresAt: new Date(open.expiresAt),
      envNames: open.envNames,
      trusted: true,
      credential,
    },
    {
      runner: deps.runner,
      recorder: deps.recorder,
      now: deps.now,
      idToken: deps.idToken,
      env: deps.env,
      privateDir: deps.privateDir,
      by: 'main',
    },
  );
  deps.runner.saveState(STATE.closed, closed.closedAt);
  return closed;
}

const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

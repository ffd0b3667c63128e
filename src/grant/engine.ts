import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { runCommand } from '../runner/child.js';
import type { IdTokenSource } from '../runner/oidc.js';
import { ID_TOKEN_REQUEST_TOKEN, ID_TOKEN_URL } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';
import { privateDir, privateSubdir, writePrivateFile } from '../runner/temp.js';
import type { Credential, Delivery, Provider } from '../providers/provider.js';
import { closeGrant } from './close.js';
import { LEDGER_DIR, type GrantState, type Ledger } from './ledger.js';
import { OUTPUT, STATE } from './names.js';
import type { EngineSettings } from './settings.js';
import { recordToken, type TokenRecord } from './token-record.js';

export interface EngineDeps {
  readonly runner: Runner;
  readonly ledger: Ledger;
  readonly idToken: IdTokenSource;
  readonly now: () => Date;
  readonly runnerTemp: string;
  /** Environment the `run:` command inherits (before the grant's own variables). */
  readonly baseEnv: NodeJS.ProcessEnv;
}

/** Called with the first token of the grant, before any cloud sees it; throws to refuse. */
export type Gate = (
  token: string,
  audience: string,
) => Promise<Record<string, unknown> | undefined>;

export interface GrantResult {
  grant: GrantState;
  credential: Credential;
  /** Exit code of the `run:` command; undefined in export modes. */
  exitCode?: number;
}

/**
 * One grant's life inside the main step: request, (gate), issue, deliver, and for `run:`
 * use and close. Each phase is on the ledger before it is acted on, so that whatever
 * happens after a credential exists, the post step can find and close it.
 */
export async function issueGrant<S>(
  settings: EngineSettings,
  provider: Provider<S>,
  providerSettings: S,
  deps: EngineDeps,
  gate?: Gate,
): Promise<GrantResult> {
  const { runner, ledger } = deps;
  const id = settings.grantId;
  const step = deps.baseEnv['GITHUB_ACTION'] ?? '';
  const described = provider.describe(providerSettings);
  const event = (
    phase: Parameters<Ledger['append']>[0]['phase'],
    fields: Record<string, unknown> = {},
  ) =>
    ledger.append({
      time: deps.now().toISOString(),
      grant: id,
      phase,
      provider: provider.id,
      ...fields,
    });

  runner.saveState(STATE.ledger, ledger.path);
  runner.setOutput(OUTPUT.ledger, ledger.path);
  runner.setOutput(OUTPUT.grantId, id);
  event('requested', {
    step,
    mode: settings.mode,
    principal: described.principal,
    scope: described.scope,
    requestedTtl: settings.duration,
    sessionName: settings.sessionName,
  });

  const tokens: TokenRecord[] = [];
  let first: string | undefined;
  if (gate) {
    first = await deps.idToken(provider.audience(providerSettings));
    tokens.push(recordToken(first));
    let decision: Record<string, unknown> | undefined;
    try {
      decision = await gate(first, provider.audience(providerSettings));
    } catch (err) {
      event('denied', { by: 'policy', error: errorMessage(err), ...tokens[0] });
      throw err;
    }
    event('allowed', { by: 'policy', policy: decision, ...tokens[0] });
  }
  const idToken: IdTokenSource = async (audience) => {
    // The gate's token is used for the first exchange; every later exchange mints its own.
    if (first !== undefined && audience === provider.audience(providerSettings)) {
      const token = first;
      first = undefined;
      return token;
    }
    const token = await deps.idToken(audience);
    tokens.push(recordToken(token));
    return token;
  };

  let credential: Credential;
  try {
    credential = await provider.issue(providerSettings, {
      log: runner.log,
      grantId: id,
      idToken,
      now: deps.now,
    });
  } catch (err) {
    event('denied', { by: 'cloud', error: errorMessage(err), ...tokens.at(-1) });
    throw err;
  }
  // Masked before anything else can print them: the ledger, the summary and outputs come after.
  for (const secret of credential.secrets) runner.mask(secret);

  const issuedAt = deps.now();
  const dir = join(deps.runnerTemp, LEDGER_DIR, id);
  const expiresAt = credential.expiresAt.toISOString();
  event('issued', {
    principal: credential.principal,
    scope: credential.scope,
    scopeDigest: credential.scopeDigest,
    expiresAt,
    effectiveTtl: Math.max(
      0,
      Math.round((credential.expiresAt.getTime() - issuedAt.getTime()) / 1000),
    ),
    details: credential.details,
    notes: credential.notes,
    dir,
    ...tokens.at(-1),
  });
  runner.setOutput(OUTPUT.principal, credential.principal);

  let delivery: Delivery;
  let exitCode: number | undefined;
  let leftOpen = false;
  try {
    privateSubdir(privateDir(deps.runnerTemp), id);
    delivery = await provider.deliver(providerSettings, credential, {
      log: runner.log,
      mode: settings.mode,
      dir,
      run: settings.run,
    });
    for (const secret of delivery.secrets ?? []) runner.mask(secret);
    // The later of the two expiries is when the cloud stops accepting every copy.
    const laterExpiry =
      delivery.expiresAt && delivery.expiresAt > credential.expiresAt
        ? delivery.expiresAt.toISOString()
        : undefined;
    event('delivered', {
      ...(laterExpiry ? { expiresAt: laterExpiry } : {}),
      ...(delivery.notes?.length
        ? { notes: [...(credential.notes ?? []), ...delivery.notes] }
        : {}),
      mode: settings.mode,
      envNames: settings.mode === 'env' ? Object.keys(delivery.env) : [],
      outputNames: settings.mode === 'outputs' ? Object.keys(delivery.outputs) : [],
      files: delivery.files.map((f) => f.path),
    });
    for (const file of delivery.files) writePrivateFile(file.path, file.content);
    runner.setOutput(OUTPUT.expiresAt, laterExpiry ?? expiresAt);
    if (settings.mode === 'env') {
      for (const [name, value] of Object.entries(delivery.env)) runner.exportVariable(name, value);
      leftOpen = true;
    } else if (settings.mode === 'outputs') {
      for (const [name, value] of Object.entries(delivery.outputs)) runner.setOutput(name, value);
      leftOpen = true;
    } else {
      exitCode = await runWithCredential(settings, delivery, deps);
      event('used', { exitCode });
    }
  } finally {
    // `run:` closes in the same step; an export that failed half-way is closed at once too.
    if (!leftOpen) {
      const state = ledger.grants().find((g) => g.id === id);
      if (state)
        await closeGrant(state, {
          runner,
          ledger,
          now: deps.now,
          idToken: deps.idToken,
          env: deps.baseEnv,
        });
    }
  }
  const grant = ledger.grants().find((g) => g.id === id)!;
  return { grant, credential, exitCode };
}

async function runWithCredential(
  settings: EngineSettings,
  delivery: Delivery,
  deps: EngineDeps,
): Promise<number> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(deps.baseEnv)) {
    // The action's own inputs are not the command's business, as in a `run:` step.
    if (!name.startsWith('INPUT_')) env[name] = value;
  }
  // The command must not mint OIDC tokens of its own: its access is this grant, nothing more.
  delete env[ID_TOKEN_URL];
  delete env[ID_TOKEN_REQUEST_TOKEN];
  for (const name of delivery.unset ?? []) delete env[name];
  Object.assign(env, delivery.env);
  const result = await runCommand({
    script: settings.run!,
    shell: settings.shell,
    env,
    cwd: settings.workingDirectory,
  });
  return result.exitCode;
}

import type { FileFlow } from '../flow/model.js';
import { describeSource, isGitHubToken, isStored, type Origin } from '../flow/origin.js';
import { genericSecretShape, keyShape } from '../flow/shape.js';
import {
  article,
  cloudOfName,
  cloudOfText,
  isCloudCredentialName,
  isCredentialName,
  isExampleValue,
  isNonCloudName,
  words,
} from '../names.js';
import type { Cloud } from '../types.js';
import { actionName, type Model, type Step } from '../workflow.js';
import type { Entry } from '../yaml-source.js';
import type { RuleContext } from './context.js';
import { DOCKER_LOGIN, KEY_INPUT_NAMES, knownAction } from './known-actions.js';
import { oidcCloudsOf } from './oidc-steps.js';
import { sourcesOf, type ValueSources } from './sources.js';
import { reportVia } from './via.js';

export { oidcCloud, oidcCloudsOf } from './oidc-steps.js';

/**
 * Static keys handed to actions (JIT101, JIT102), put in `env` (JIT103), kept beside OIDC
 * (JIT203), and asked for by actions and reusable workflows (JIT108).
 */
export interface CredentialOptions {
  /** Inputs a local composite action (`uses: ./x`) uses as cloud keys, when it can be read. */
  localKeyInputs?: (uses: string) => Set<string> | undefined;
}

/** What a scope can see: used to tell keys-beside-OIDC and to follow credentials into scripts. */
interface Scope {
  oidcClouds: Set<Cloud>;
  /** The file receives values from callers: an action, or a `workflow_call` workflow. */
  fromCallers: boolean;
  flow: FileFlow;
}

export function checkCredentials(
  ctx: RuleContext,
  model: Model,
  flow: FileFlow,
  opts: CredentialOptions = {},
): void {
  if (model.kind === 'action') {
    const scope: Scope = { oidcClouds: oidcCloudsOf(model.steps), fromCallers: true, flow };
    for (const input of model.inputs) checkKeyDeclaration(ctx, input, 'action input');
    for (const step of model.steps) checkStep(ctx, step, scope, opts);
    return;
  }
  const fromCallers = flow.fromCallers;
  for (const input of model.callInputs) checkKeyDeclaration(ctx, input, 'workflow_call input');
  const allOidc = new Set<Cloud>();
  for (const job of model.jobs) for (const c of oidcCloudsOf(job.steps)) allOidc.add(c);
  checkEnv(ctx, model.env, 'workflow', { oidcClouds: allOidc, fromCallers, flow });
  for (const job of model.jobs) {
    const scope: Scope = { oidcClouds: oidcCloudsOf(job.steps), fromCallers, flow };
    checkEnv(ctx, job.env, `job '${job.id}'`, scope);
    if (job.uses)
      checkInputs(
        ctx,
        [...job.with, ...job.secrets],
        `reusable workflow ${job.uses}`,
        scope,
        job.uses.startsWith('./') ? opts.localKeyInputs?.(job.uses) : undefined,
      );
    for (const step of job.steps) checkStep(ctx, step, scope, opts);
  }
}

function checkStep(ctx: RuleContext, step: Step, scope: Scope, opts: CredentialOptions): void {
  checkEnv(ctx, step.env, 'step', scope);
  const name = actionName(step.uses);
  if (!step.uses) return;
  const local = name.startsWith('./') ? opts.localKeyInputs?.(name) : undefined;
  checkInputs(ctx, step.with, step.uses, scope, local, name);
}

function checkInputs(
  ctx: RuleContext,
  entries: Entry[],
  target: string,
  scope: Scope,
  localKeys: Set<string> | undefined,
  name = '',
): void {
  const known = knownAction(name);
  const allText = entries.map((e) => e.text ?? '').join('\n');
  const siblingCloud = cloudOfText(allText);
  const registry = registryCloud(name, entries, scope);
  // Any other login (a reusable workflow's `registry_password`) pairs by the registry's host.
  const pairCloud =
    registry ?? (REGISTRY_HOST.test(allText) ? (cloudOfText(allText) ?? 'other') : undefined);
  for (const e of entries) {
    const s = sourcesOf(e, scope.flow.origins(e));
    const secrets = s.secrets.filter((n) => !isNonCloudName(n));
    // Where the input itself takes a key, the secret's name cannot clear it (`DEPLOY_KEY` is still a key).
    const fed =
      s.secrets.some((n) => !isGitHubToken(n)) ||
      s.vars.length > 0 ||
      s.stored.length > 0 ||
      (scope.fromCallers && s.inputs.length > 0);
    const literalKey =
      s.literal !== undefined && !isExampleValue(s.literal) && s.literal.length >= 16;
    const keyName = e.key.toLowerCase();
    const what = `input '${e.key}' of ${target}`;
    if (known?.keyInputs.includes(e.key) && (fed || literalKey)) {
      keyFinding(
        ctx,
        'JIT101',
        e,
        `${describe(s)} is given to ${what}: a long-lived ${cloudName(known.cloud)} key.`,
        known.cloud,
        scope,
        s,
      );
    } else if (KEY_INPUT_NAMES[keyName] && fed) {
      const cloud = KEY_INPUT_NAMES[keyName]!;
      keyFinding(
        ctx,
        'JIT101',
        e,
        `${describe(s)} is given to ${what}, the input cloud login actions take a static ${cloudName(cloud)} key in.`,
        cloud,
        scope,
        s,
      );
    } else if (registry && /^(password|username)$/.test(keyName) && fed) {
      if (keyName === 'username' && registry !== 'aws') continue;
      keyFinding(
        ctx,
        'JIT101',
        e,
        `${describe(s)} logs docker in to ${article(cloudName(registry))} registry through ${what} with a long-lived key.`,
        registry,
        scope,
        s,
      );
    } else if (localKeys?.has(e.key) && fed) {
      keyFinding(
        ctx,
        'JIT102',
        e,
        `${describe(s)} is given to ${what}, which uses it as a cloud key.`,
        'other',
        scope,
        s,
      );
    } else if (secrets.length > 0 || s.stored.length > 0) {
      const destination = isCredentialName(e.key) && !isNonCloudName(e.key);
      const named = secrets.find((n) => isCloudCredentialName(n));
      const cloud =
        cloudOfName(e.key) ??
        secrets.map(cloudOfName).find((c) => c !== undefined) ??
        siblingCloud ??
        known?.cloud;
      if ((destination && cloud) || named) {
        keyFinding(
          ctx,
          'JIT102',
          e,
          `${describe(s)} is passed to ${what}: its names show a long-lived ${cloudName(cloud)} key.`,
          cloud ?? 'other',
          scope,
          s,
        );
      }
    }
  }
  registryUserHalf(ctx, entries, target, scope, pairCloud);
}

const REGISTRY_HOST =
  /\.azurecr\.io\b|\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\b|(^|[^a-z])gcr\.io\b|-docker\.pkg\.dev\b/i;

/**
 * A container registry login is a user name and password pair: once the password half is reported,
 * the user name fed from a secret beside it is part of the same long-lived credential.
 */
function registryUserHalf(
  ctx: RuleContext,
  entries: Entry[],
  target: string,
  scope: Scope,
  registry: Cloud | undefined,
): void {
  if (!registry) return;
  const lines = new Set(ctx.findings.map((f) => `${f.file}:${f.line}`));
  const password = entries.find(
    (e) => /password/i.test(e.key) && lines.has(`${ctx.file}:${e.loc.line}`),
  );
  if (!password) return;
  for (const e of entries) {
    if (!/user(name)?$/i.test(e.key) || lines.has(`${ctx.file}:${e.loc.line}`)) continue;
    const s = sourcesOf(e, scope.flow.origins(e));
    if (!s.secrets.some((n) => !isGitHubToken(n)) && s.vars.length === 0) continue;
    keyFinding(
      ctx,
      'JIT102',
      e,
      `${describe(s)} is the user name half of the registry credential whose password is given to ${target} on line ${password.loc.line}.`,
      registry,
      scope,
      s,
    );
  }
}

/**
 * The cloud of the registry a login action signs in to: ACR for azure/docker-login whatever its
 * `login-server` says; for docker/login-action the `registry` value, followed through `env` and
 * judged by its host or the names of the secrets it comes from (`ACR_LOGIN_SERVER`).
 */
function registryCloud(name: string, entries: Entry[], scope: Scope): Cloud | undefined {
  if (name === 'azure/docker-login') return 'azure';
  if (name !== DOCKER_LOGIN) return undefined;
  const username = entries.find((e) => e.key === 'username')?.text;
  if (username === '_json_key' || username === '_json_key_base64') return 'gcp';
  const registry = entries.find((e) => e.key === 'registry');
  if (!registry) return undefined;
  const byText = cloudOfText(registry.text ?? '');
  if (byText) return byText;
  for (const o of scope.flow.origins(registry)) {
    const s = o.source;
    const text = s.kind === 'literal' ? s.text : undefined;
    const c =
      (text ? cloudOfText(text) : undefined) ??
      (s.kind === 'secret' || s.kind === 'var' ? cloudOfName(s.name) : undefined) ??
      o.via.map((v) => cloudOfName(v.name)).find((x) => x !== undefined);
    if (c) return c;
  }
  return undefined;
}

function checkEnv(ctx: RuleContext, entries: Entry[], where: string, scope: Scope): void {
  for (const e of entries) {
    const s = sourcesOf(e, scope.flow.origins(e));
    const destination = isCredentialName(e.key) && !isNonCloudName(e.key);
    const keyCloud = cloudOfName(e.key);
    // A name such as AWS_SECRET_ACCESS_KEY decides by itself; otherwise non-cloud secrets are out of scope.
    const secrets = s.secrets.filter((n) =>
      destination && keyCloud ? !isGitHubToken(n) : !isNonCloudName(n),
    );
    const secretCloud = secrets.map(cloudOfName).find((c) => c !== undefined);
    const what = `${where} env ${e.key}`;
    if (
      secrets.length > 0 &&
      ((destination && (keyCloud ?? secretCloud)) || secrets.some(isCloudCredentialName))
    ) {
      keyFinding(
        ctx,
        'JIT103',
        e,
        `${describe(s)} is put in ${what}: a long-lived ${cloudName(keyCloud ?? secretCloud)} key in the environment.`,
        keyCloud ?? secretCloud ?? 'other',
        scope,
        s,
      );
      continue;
    }
    if (!destination || !keyCloud) continue;
    if ((scope.fromCallers && s.inputs.length > 0) || s.vars.length > 0 || s.stored.length > 0) {
      keyFinding(
        ctx,
        'JIT103',
        e,
        `${describe(s)} is put in ${what}: a long-lived ${cloudName(keyCloud)} key in the environment.`,
        keyCloud,
        scope,
        s,
      );
    } else if (s.stepOutputs.length > 0 && alwaysLongLived(e.key)) {
      keyFinding(
        ctx,
        'JIT103',
        e,
        `A step output is put in ${what}; ${article(cloudName(keyCloud))} ${words(e.key).slice(-2).join(' ')} is a long-lived key wherever it is fetched from.`,
        keyCloud,
        scope,
        s,
      );
    } else if (s.literal !== undefined) {
      // Judged by the value's shape: an S3 prefix or a key file's name under a `*_KEY` name is no key.
      const shape = keyShape(s.literal);
      const generic = !shape && genericSecretShape(s.literal);
      if (!shape && !generic) continue;
      ctx.report(
        'JIT105',
        e.loc,
        `${what} is set to ${shape ? shape.what : `a literal that looks like ${article(cloudName(keyCloud))} key`}, written in the file.`,
        { cloud: shape && shape.cloud !== 'other' ? shape.cloud : keyCloud },
      );
    }
  }
}

/** An action input or workflow_call input/secret named for a static key (JIT108). */
function checkKeyDeclaration(ctx: RuleContext, input: Entry, what: string): void {
  const known = KEY_INPUT_NAMES[input.key.toLowerCase()];
  if (known || isCloudCredentialName(input.key)) {
    const cloud = known ?? cloudOfName(input.key) ?? 'other';
    ctx.report(
      'JIT108',
      input.loc,
      `The ${what} '${input.key}' asks callers for a long-lived ${cloudName(cloud)} key.`,
      { cloud },
    );
  }
}

function keyFinding(
  ctx: RuleContext,
  id: string,
  e: Entry,
  message: string,
  cloud: Cloud,
  scope: Scope,
  s: ValueSources,
): void {
  const stored = s.origins.filter((o: Origin) => isStored(o, scope.fromCallers));
  if (cloud !== 'other' && scope.oidcClouds.has(cloud)) {
    ctx.report(
      'JIT203',
      e.loc,
      `${message} The same job already logs in to ${cloudName(cloud)} with OIDC, so this key is only a fallback that can still be stolen.`,
      { cloud },
    );
  } else {
    ctx.report(id, e.loc, message, { cloud });
  }
  reportVia(ctx, stored, e.loc.line, cloud);
}

/** Client secrets, account keys and key files stay valid until deleted, wherever they come from. */
function alwaysLongLived(name: string): boolean {
  const j = words(name).join('_');
  return /client_secret|account_key|storage_key|credentials|connection_string|sa_key|service_account/.test(
    j,
  );
}

export function cloudName(cloud: Cloud | undefined): string {
  switch (cloud) {
    case 'aws':
      return 'AWS';
    case 'azure':
      return 'Azure';
    case 'gcp':
      return 'Google Cloud';
    default:
      return 'cloud';
  }
}

function describe(s: ValueSources): string {
  if (s.secrets.length > 0) return `The secret ${s.secrets.join(', ')}`;
  if (s.vars.length > 0) return `The variable vars.${s.vars[0]}`;
  const stored = s.origins.find((o) => o.source.kind === 'stored');
  if (stored) return describeSource(stored.source);
  if (s.inputs.length > 0) return `The caller's input ${s.inputs[0]}`;
  if (s.stepOutputs.length > 0) return 'A step output';
  return 'A literal value';
}

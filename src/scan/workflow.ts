import type { Node } from 'yaml';
import { Entry, YamlSource } from './yaml-source.js';
import type { Location } from './types.js';

/** Only what the rules read; everything keeps its node, so every finding has an exact position. */
export interface Step {
  node: Node;
  loc: Location;
  /** `id:`, for `steps.<id>.outputs` references. */
  id?: string;
  uses?: string;
  with: Entry[];
  env: Entry[];
  run?: Entry;
}

export interface Permissions {
  entry: Entry;
  /** `write`, `read`, `none`, or undefined when not listed. */
  idToken?: string;
  /** `write-all` / `read-all` when given as one word. */
  all?: string;
}

export interface Job {
  id: string;
  loc: Location;
  uses?: string;
  with: Entry[];
  secrets: Entry[];
  secretsInherit?: Entry;
  env: Entry[];
  permissions?: Permissions;
  steps: Step[];
}

export interface WorkflowModel {
  kind: 'workflow';
  triggers: string[];
  permissions?: Permissions;
  env: Entry[];
  jobs: Job[];
  /** `on.workflow_call.inputs` and `.secrets`: what a reusable workflow asks callers for. */
  callInputs: Entry[];
}

export interface ActionModel {
  kind: 'action';
  inputs: Entry[];
  steps: Step[];
}

export type Model = WorkflowModel | ActionModel;

export function buildModel(src: YamlSource, kind: 'workflow' | 'action'): Model {
  const root = src.contents;
  return kind === 'action' ? actionModel(src, root) : workflowModel(src, root);
}

function workflowModel(src: YamlSource, root: unknown): WorkflowModel {
  const on = src.get(root, 'on');
  const triggers = new Set<string>();
  const single = src.scalar(on);
  if (single) triggers.add(single);
  for (const item of src.items(on)) {
    const name = src.scalar(item);
    if (name) triggers.add(name);
  }
  for (const e of src.entries(on)) triggers.add(e.key);
  const call = src.get(on, 'workflow_call');
  const callInputs = [
    ...src.entries(src.get(call, 'inputs')),
    ...src.entries(src.get(call, 'secrets')),
  ];
  const jobs: Job[] = [];
  for (const jobEntry of src.entries(src.get(root, 'jobs'))) {
    const j = jobEntry.value;
    const secretsEntry = src.getAll(j, 'secrets')[0];
    jobs.push({
      id: jobEntry.key,
      loc: jobEntry.loc,
      uses: src.scalar(src.get(j, 'uses')),
      with: allEntries(src, j, 'with'),
      secrets: allEntries(src, j, 'secrets'),
      secretsInherit: secretsEntry && secretsEntry.text === 'inherit' ? secretsEntry : undefined,
      env: allEntries(src, j, 'env'),
      permissions: permissions(src, j),
      steps: src.items(src.get(j, 'steps')).map((s) => step(src, s)),
    });
  }
  return {
    kind: 'workflow',
    triggers: [...triggers],
    permissions: permissions(src, root),
    env: allEntries(src, root, 'env'),
    jobs,
    callInputs,
  };
}

function actionModel(src: YamlSource, root: unknown): ActionModel {
  return {
    kind: 'action',
    inputs: src.entries(src.get(root, 'inputs')),
    steps: src.items(src.get(src.get(root, 'runs'), 'steps')).map((s) => step(src, s)),
  };
}

function step(src: YamlSource, node: Node): Step {
  const run = src.getAll(node, 'run')[0];
  return {
    node,
    loc: src.nodeLoc(node),
    id: src.scalar(src.get(node, 'id')),
    uses: src.scalar(src.get(node, 'uses')),
    with: allEntries(src, node, 'with'),
    env: allEntries(src, node, 'env'),
    run,
  };
}

/** Entries of every copy of a duplicated key: GitHub rejects the file, but both copies are read. */
function allEntries(src: YamlSource, node: unknown, key: string): Entry[] {
  return src.getAll(node, key).flatMap((e) => src.entries(e.value));
}

function permissions(src: YamlSource, node: unknown): Permissions | undefined {
  const entry = src.getAll(node, 'permissions')[0];
  if (!entry) return undefined;
  const all = entry.text;
  if (all !== undefined) return { entry, all };
  const idToken = src.entries(entry.value).find((e) => e.key === 'id-token')?.text;
  return { entry, idToken };
}

export function grantsIdToken(p: Permissions | undefined): boolean {
  if (!p) return false;
  return p.all === 'write-all' || p.idToken === 'write';
}

/** `owner/repo/path@ref` without the ref, lower-cased; local `./x` stays as written. */
export function actionName(uses: string | undefined): string {
  if (!uses) return '';
  if (uses.startsWith('./') || uses.startsWith('docker://')) return uses;
  return uses.split('@')[0]!.toLowerCase();
}

import type { Cloud } from '../types.js';
import { actionName, type Step } from '../workflow.js';
import { knownAction } from './known-actions.js';

/** Clouds a list of steps logs in to with OIDC. */
export function oidcCloudsOf(steps: Step[]): Set<Cloud> {
  const out = new Set<Cloud>();
  for (const step of steps) {
    const c = oidcCloud(step);
    if (c) out.add(c);
  }
  return out;
}

const oidcCache = new WeakMap<Step, { c: Cloud | undefined }>();

export function oidcCloud(step: Step): Cloud | undefined {
  let hit = oidcCache.get(step);
  if (!hit) {
    hit = { c: computeOidcCloud(step) };
    oidcCache.set(step, hit);
  }
  return hit.c;
}

function computeOidcCloud(step: Step): Cloud | undefined {
  if (!step.uses) return undefined;
  const has = (key: string) => step.with.some((e) => e.key === key && (e.text ?? '').trim() !== '');
  const known = knownAction(actionName(step.uses));
  if (known?.label === 'jit-credentials') {
    // The root action names its cloud in `provider`; the fronts in their path (`.../actions/aws@v1`).
    // `actions/scan` and `actions/revoke` log in nowhere.
    const front = /\/actions\/([\w-]+)$/.exec(actionName(step.uses))?.[1];
    if (front && !['aws', 'azure', 'gcp'].includes(front)) return undefined;
    const provider = front ?? step.with.find((e) => e.key === 'provider')?.text?.toLowerCase();
    return provider === 'aws' || provider === 'azure' || provider === 'gcp' ? provider : 'other';
  }
  if (known && known.oidcInputs.some(has) && !known.keyInputs.some(has)) return known.cloud;
  // Forks, wrappers and `uses: ./` keep the original input names.
  if (has('role-to-assume') && !has('aws-access-key-id')) return 'aws';
  if (has('workload_identity_provider') && !has('credentials_json')) return 'gcp';
  if (has('client-id') && has('tenant-id') && !has('creds') && !has('client-secret'))
    return 'azure';
  return undefined;
}

/**
 * Rules for different workload identity providers (direct federation: the principal is the
 * provider) must not be OR'ed into one attributeCondition: applied to the `prod` provider, it
 * would accept tokens only the `preview` rule allows. Without --principal the export refuses.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/index.ts';
import { decidePartial } from '../../src/policy/decide.ts';
import { exportTrust } from '../../src/policy/export/index.ts';
import { deriveClaims } from '../emulators/oidc.ts';
import { celAllows } from './cloud-eval.ts';

const POOL = 'projects/123456789/locations/global/workloadIdentityPools/github/providers';
const PROD = `${POOL}/prod`;
const PREVIEW = `${POOL}/preview`;
const policy = parsePolicy(
  `version: 1
rules:
  - name: prod
    when: { repository: acme/site, ref: refs/heads/main }
    allow: { provider: gcp, workload-identity-provider: ${PROD}, max-duration: 5m }
  - name: preview
    when: { repository: "acme/*", event_name: pull_request }
    allow: { provider: gcp, workload-identity-provider: ${PREVIEW}, max-duration: 5m }
`,
  'p.yml',
);

describe('gcp export for several workload identity providers', () => {
  it('gives the prod provider no condition that accepts a token the policy refuses for prod', () => {
    const claims = deriveClaims({
      repository: 'acme/sandbox',
      event_name: 'pull_request',
    }) as unknown as Record<string, string>;
    const policySays = decidePartial(policy, claims, { provider: 'gcp', principal: PROD }).allowed;
    expect(policySays).toBe(false);
    // What a user applies to the prod provider: the export, when it gives one without --principal
    // (AWS and Azure refuse several principals and ask for --principal instead).
    let cloudSays = false;
    let exported: string | undefined;
    try {
      exported = (exportTrust(policy, 'gcp').document as any).attributeCondition as string;
      cloudSays = celAllows(exported, claims);
    } catch (err) {
      expect(String(err)).toMatch(/--principal/);
    }
    expect({ cloudSays, exported }).toMatchObject({ cloudSays: false });
    // With --principal the prod provider's condition is right.
    const prod = (exportTrust(policy, 'gcp', { principal: PROD }).document as any)
      .attributeCondition;
    expect(celAllows(prod, claims)).toBe(false);
  });
});

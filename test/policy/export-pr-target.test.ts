/**
 * `event_name: pull_request_target` must not be folded into the subject `repo:…:pull_request`,
 * which `pull_request` jobs carry (this repository's emulator, test/emulators/oidc.ts
 * subjectFor, gives that context to `pull_request` only): the cloud would then accept
 * `pull_request` jobs, whose workflow file the PR branch controls, which the policy refuses.
 * The event is said to be checked by the workflow-side policy only.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/index.ts';
import { decidePartial } from '../../src/policy/decide.ts';
import { exportTrust } from '../../src/policy/export/index.ts';
import { deriveClaims } from '../emulators/oidc.ts';
import { awsAllows, azureAllows } from './cloud-eval.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const CLIENT = '11111111-2222-3333-4444-555555555555';
const policy = (allow: string) =>
  parsePolicy(
    `version: 1
rules:
  - name: prt
    when: { repository: acme/site, event_name: pull_request_target, repository_owner_id: "65" }
    allow: { ${allow}, max-duration: 15m }
`,
    'p.yml',
  );

// A same-repository pull_request job: the branch's workflow runs, not the base's.
const pr = {
  ...(deriveClaims({
    repository: 'acme/site',
    event_name: 'pull_request',
    repository_owner_id: '65',
  }) as unknown as Record<string, string>),
};

describe('pull_request_target is not exported as the pull_request subject', () => {
  it('AWS: no pull_request token the policy refuses is accepted, and event_name is said not carried', () => {
    const p = policy(`provider: aws, role: ${ROLE}`);
    const { document, notes } = exportTrust(p, 'aws');
    expect(pr['sub']).toBe('repo:acme/site:pull_request');
    const policySays = decidePartial(p, pr, { provider: 'aws', principal: ROLE }).allowed;
    const cloudSays = awsAllows(document, { ...pr, aud: 'sts.amazonaws.com' });
    expect(policySays).toBe(false);
    // The cloud must not accept what the policy refuses; what it cannot check is said.
    expect({ cloudSays, sub: (document as any).Statement[0].Condition.StringEquals }).toMatchObject(
      { cloudSays: false },
    );
    expect(notes.join('\n')).toMatch(/event_name.*not by AWS/);
  });

  it('Azure: no exact credential for repo:acme/site:pull_request', () => {
    const p = policy(`provider: azure, client-id: ${CLIENT}`);
    const { document, notes } = exportTrust(p, 'azure');
    const policySays = decidePartial(p, pr, { provider: 'azure', principal: CLIENT }).allowed;
    const cloudSays = azureAllows(document as any[], { ...pr, aud: 'api://AzureADTokenExchange' });
    expect(policySays).toBe(false);
    expect({ cloudSays, subjects: (document as any[]).map((c) => c.subject) }).toMatchObject({
      cloudSays: false,
    });
    expect(notes.length).toBeGreaterThan(0);
  });
});

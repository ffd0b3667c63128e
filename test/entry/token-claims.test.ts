/**
 * The record holds a token's claims only once the token has verified: a token that does not
 * verify (another key, a forged one from whatever answers at ACTIONS_ID_TOKEN_REQUEST_URL) is
 * recorded by its digest alone, so its claims cannot pass for who asked (DESIGN.md, trust model).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger, ledgerPath } from '../../src/grant/ledger.ts';
import type { GitHubApi } from '../emulators/github/index.ts';
import { DEPLOY_ROLE, startGitHubFor, startWorld, type World } from './world.ts';

let w: World;
let github: GitHubApi;
beforeAll(async () => {
  w = await startWorld();
  github = await startGitHubFor(w);
  github.commit('acme/site', {
    '.github/jit-policy.yml': `version: 1
rules:
  - name: prod
    when: { repository: acme/site, ref: refs/heads/main, environment: production }
    allow: { provider: aws, role: ${DEPLOY_ROLE}, max-duration: 1h }
`,
  });
});
afterAll(async () => {
  await github.close();
  await w.close();
});

const deniedEvent = (id: string) =>
  new Ledger(ledgerPath(join(w.temp, 'jit-credentials')))
    .read()
    .events.find((e) => e.grant === id && e.phase === 'denied');

describe('the claims of a refused request', () => {
  it('of a token that does not verify: only its digest is recorded, none of its claims', async () => {
    w.idToken = (audience) =>
      w.env.oidc.mint(
        { actor: 'alice', ref: 'refs/heads/main', environment: 'production' },
        { audience, key: 'forged' },
      );
    const m = await w.main({
      run: 'true',
      'policy-source': 'default-branch',
      'github-token': github.token,
    });
    expect(m.failures.join('\n')).toMatch(/signature does not verify/);
    const denied = deniedEvent(m.outputs['grant-id']!);
    expect(denied?.['tokenSha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(denied?.['claims']).toBeUndefined();
    expect(m.summary).not.toContain('alice');
  });

  it('of a token that verified and the policy refused: its claims are recorded', async () => {
    w.idToken = (audience) =>
      w.env.oidc.mint({ actor: 'bob', ref: 'refs/heads/feature' }, { audience });
    const m = await w.main({
      run: 'true',
      'policy-source': 'default-branch',
      'github-token': github.token,
    });
    expect(m.failures.join('\n')).toMatch(/polic/i);
    expect(deniedEvent(m.outputs['grant-id']!)?.['claims']).toMatchObject({
      actor: 'bob',
      ref: 'refs/heads/feature',
    });
    expect(m.summary).toContain('bob');
  });
});

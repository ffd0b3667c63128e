import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPatternEngine } from '../../src/policy/matcher.ts';
import {
  decide,
  decidePartial,
  parsePolicy,
  renderDecision,
  type PolicyRequest,
} from '../../src/policy/index.ts';

// Policies here have ^...$ patterns, which a step loads the engine for (readPolicy).
beforeAll(loadPatternEngine);

const ISSUE_EXAMPLE = readFileSync(new URL('./fixtures/valid/issue-example.yml', import.meta.url));
const policy = parsePolicy(ISSUE_EXAMPLE, '.github/jit-policy.yml');

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const SA = 'preview@proj.iam.gserviceaccount.com';

const prodPush = {
  sub: 'repo:acme/site:environment:production',
  repository: 'acme/site',
  ref: 'refs/heads/main',
  environment: 'production',
  event_name: 'push',
  job_workflow_ref: 'acme/site/.github/workflows/deploy.yml@refs/heads/main',
  run_id: '42',
  run_attempt: '1',
  actor: 'octocat',
  repository_owner_id: '65',
};
const pr = {
  ...prodPush,
  sub: 'repo:acme/site:pull_request',
  ref: 'refs/pull/7/merge',
  environment: undefined,
  event_name: 'pull_request',
};

const aws = (over: Partial<PolicyRequest> = {}): PolicyRequest => ({
  provider: 'aws',
  principal: ROLE,
  duration: 900,
  delivery: 'run',
  ...over,
});
const gcp = (over: Partial<PolicyRequest> = {}): PolicyRequest => ({
  provider: 'gcp',
  principal: SA,
  duration: 600,
  delivery: 'env',
  ...over,
});

describe('decide: the issue example as a table', () => {
  const cases: Array<[string, Record<string, unknown>, PolicyRequest, boolean, string | RegExp]> = [
    ['prod push, run, 15m', prodPush, aws(), true, 'deploy-prod'],
    [
      'prod via workflow_dispatch',
      { ...prodPush, event_name: 'workflow_dispatch' },
      aws({ duration: 60 }),
      true,
      'deploy-prod',
    ],
    [
      'schedule is not listed',
      { ...prodPush, event_name: 'schedule' },
      aws(),
      false,
      /event_name is 'schedule', wants 'push' or 'workflow_dispatch'/,
    ],
    [
      'another branch',
      { ...prodPush, ref: 'refs/heads/dev' },
      aws(),
      false,
      /ref is 'refs\/heads\/dev', wants 'refs\/heads\/main'/,
    ],
    [
      'no environment',
      { ...prodPush, environment: undefined },
      aws(),
      false,
      /environment is absent from the token/,
    ],
    [
      'a fork of the repository',
      { ...prodPush, repository: 'evil/site' },
      aws(),
      false,
      /repository is 'evil\/site'/,
    ],
    [
      'one second too long',
      prodPush,
      aws({ duration: 901 }),
      false,
      /duration 901 s \(15m1s\) is above max-duration 900 s \(15m\)/,
    ],
    [
      'env delivery where run is required',
      prodPush,
      aws({ delivery: 'env' }),
      false,
      /delivery is env, rule requires run/,
    ],
    [
      'another role',
      prodPush,
      aws({ principal: 'arn:aws:iam::123456789012:role/admin' }),
      false,
      /role is 'arn:aws:iam::123456789012:role\/admin'/,
    ],
    [
      'azure is in no rule',
      prodPush,
      {
        provider: 'azure',
        principal: '00000000-0000-0000-0000-000000000000',
        duration: 60,
        delivery: 'run',
      },
      false,
      /provider is azure, rule is for aws/,
    ],
    ['preview PR to gcp, any delivery', pr, gcp(), true, 'preview'],
    ['preview above 10m', pr, gcp({ duration: 601 }), false, /above max-duration 600 s \(10m\)/],
    [
      'preview for another service account',
      pr,
      gcp({ principal: 'admin@proj.iam.gserviceaccount.com' }),
      false,
      /service-account is 'admin@/,
    ],
    [
      'push to gcp is not a PR',
      prodPush,
      gcp(),
      false,
      /event_name is 'push', wants 'pull_request'/,
    ],
  ];
  for (const [name, claims, request, allowed, expected] of cases) {
    it(name, () => {
      const d = decide(policy, claims, request);
      expect(d.allowed).toBe(allowed);
      if (allowed) expect(d.rule).toBe(expected);
      else expect(d.reasons.join('\n')).toMatch(expected);
    });
  }

  it('a denial explains every rule, claim by claim', () => {
    const d = decide(policy, { ...prodPush, repository: 'evil/site', ref: 'refs/heads/x' }, aws());
    expect(d.reasons).toHaveLength(2);
    expect(d.reasons[0]).toMatch(
      /^rule deploy-prod: .*repository is 'evil\/site'.*; ref is 'refs\/heads\/x'/,
    );
    expect(d.reasons[1]).toMatch(/^rule preview: provider is aws, rule is for gcp/);
  });

  it('records the rule, the digest and the deciding claims, never more', () => {
    const d = decide(policy, { ...prodPush, secret_looking: 'x' }, aws());
    expect(d.record).toMatchObject({
      decision: 'allowed',
      rule: 'deploy-prod',
      policyDigest: `sha256:${policy.digest}`,
      claims: {
        sub: prodPush.sub,
        repository: 'acme/site',
        ref: 'refs/heads/main',
        environment: 'production',
        event_name: 'push',
        run_id: '42',
      },
    });
    expect(JSON.stringify(d.record)).not.toContain('secret_looking');
    expect(policy.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(d.maxDuration).toBe(900);
    expect(d.delivery).toEqual(['run']);
  });

  it('the first matching rule wins; a later rule can allow what an earlier one refuses on duration', () => {
    const p = parsePolicy(
      `version: 1
rules:
  - name: short
    when: { repository: acme/site, ref: refs/heads/main }
    allow: { provider: aws, role: "arn:aws:iam::123456789012:role/*", max-duration: 5m }
  - name: long-for-deploy
    when: { repository: acme/site, ref: refs/heads/main }
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 1h }
`,
      'p.yml',
    );
    expect(decide(p, prodPush, aws({ duration: 300 })).rule).toBe('short');
    expect(decide(p, prodPush, aws({ duration: 3600 })).rule).toBe('long-for-deploy');
    const d = decide(p, prodPush, aws({ duration: 3601 }));
    expect(d.allowed).toBe(false);
    expect(d.reasons[1]).toMatch(/duration 3601 s \(1h1s\) is above max-duration 3600 s \(1h\)/);
  });

  it('globs, anchored patterns and lists', () => {
    const p = parsePolicy(
      `version: 1
rules:
  - name: releases
    when:
      repository: [acme/site, acme/api]
      ref: "^refs/tags/v[0-9]+\\\\.[0-9]+\\\\.[0-9]+$"
      job_workflow_ref: "acme/workflows/.github/workflows/*.yml@refs/heads/main"
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 900 }
`,
      'p.yml',
    );
    const ok = {
      repository: 'acme/api',
      ref: 'refs/tags/v1.20.3',
      job_workflow_ref: 'acme/workflows/.github/workflows/release.yml@refs/heads/main',
    };
    expect(decide(p, ok, aws()).allowed).toBe(true);
    expect(decide(p, { ...ok, ref: 'refs/tags/v1.2' }, aws()).allowed).toBe(false);
    expect(decide(p, { ...ok, ref: 'refs/tags/v1.2.3-evil' }, aws()).allowed).toBe(false);
    expect(decide(p, { ...ok, repository: 'acme/site2' }, aws()).allowed).toBe(false);
    expect(
      decide(
        p,
        { ...ok, job_workflow_ref: 'acme/workflows/.github/workflows/x.yml@refs/heads/dev' },
        aws(),
      ).allowed,
    ).toBe(false);
    // `*` spans slashes, as in AWS StringLike and Azure matches
    expect(
      decide(
        p,
        { ...ok, job_workflow_ref: 'acme/workflows/.github/workflows/a/b.yml@refs/heads/main' },
        aws(),
      ).allowed,
    ).toBe(true);
  });

  it('claims are compared case-sensitively, numbers as text', () => {
    const p = parsePolicy(
      `version: 1
rules:
  - name: by-id
    when: { repository_id: 690133524, ref: refs/heads/main }
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m }
`,
      'p.yml',
    );
    expect(decide(p, { repository_id: '690133524', ref: 'refs/heads/main' }, aws()).allowed).toBe(
      true,
    );
    expect(decide(p, { repository_id: '690133524', ref: 'refs/heads/Main' }, aws()).allowed).toBe(
      false,
    );
  });

  it('an empty policy denies everything and says so', () => {
    const p = parsePolicy('version: 1\nrules: []\n', 'p.yml');
    const d = decide(p, prodPush, aws());
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual(['the policy has no rules, so nothing is allowed']);
    expect(p.warnings[0]?.message).toMatch(/every request is denied/);
  });

  it('decidePartial leaves out what the CLI was not told', () => {
    expect(decidePartial(policy, prodPush, { provider: 'aws' }).rule).toBe('deploy-prod');
    expect(decidePartial(policy, prodPush, { provider: 'aws', duration: 3600 }).allowed).toBe(
      false,
    );
  });
});

describe('renderDecision', () => {
  it('shows the rule, the ceiling and a short digest', () => {
    const md = renderDecision(decide(policy, prodPush, aws()));
    expect(md).toContain('**Policy: allowed** by rule <code>deploy-prod</code>, max 15m');
    expect(md).toContain(`sha256:${policy.digest.slice(0, 12)}`);
    expect(md.split('\n').length).toBeLessThan(12);
  });

  it('lists why each rule refused, with claim values escaped', () => {
    const md = renderDecision(
      decide(policy, { ...prodPush, ref: 'refs/heads/<img src=x>|`x`' }, aws()),
    );
    expect(md).toContain('**Policy: denied**');
    expect(md).toContain('- rule deploy-prod:');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img');
  });
});

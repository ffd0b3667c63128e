import { describe, expect, it } from 'vitest';
import { loadPatternEngine } from '../../src/policy/matcher.ts';
import { deriveClaims } from '../emulators/oidc.ts';
import { parsePolicy } from '../../src/policy/index.ts';
import { matchingRules as claimMatches } from '../../src/policy/decide.ts';
import { exportAws, exportAzure, exportGcp } from '../../src/policy/export/index.ts';
import type { LoadedPolicy } from '../../src/policy/types.ts';
import { awsAllows, azureAllows, celAllows, HOST } from './cloud-eval.ts';

// Policies here have ^...$ patterns, which a step loads the engine for (readPolicy); some are
// parsed while the tests are collected.
await loadPatternEngine();

/**
 * Exports are checked two ways: against the shape each cloud documents (IAM trust policy
 * grammar, Graph federatedIdentityCredential, IAM WorkloadIdentityPoolProvider), and by
 * evaluating them the way the cloud would over a grid of real-shaped tokens, to show that
 * the cloud-side guard agrees with the workflow-side decision — and that every place where
 * it cannot is a documented, noted case.
 */

/** Every combination of repository, event, ref and environment, with `sub` as GitHub builds it. */
function grid(aud: string): Array<Record<string, string | undefined>> {
  const out: Array<Record<string, string | undefined>> = [];
  for (const repository of ['acme/site', 'acme/api', 'evil/site']) {
    for (const event_name of ['push', 'pull_request', 'workflow_dispatch']) {
      for (const ref of event_name === 'pull_request'
        ? ['refs/pull/7/merge']
        : ['refs/heads/main', 'refs/heads/dev', 'refs/tags/v1.2.3']) {
        for (const environment of [undefined, 'production', 'staging']) {
          for (const wf of [
            'acme/workflows/.github/workflows/deploy.yml@refs/heads/main',
            'acme/site/.github/workflows/ci.yml@refs/heads/dev',
          ]) {
            const c = deriveClaims({
              repository,
              event_name,
              ref,
              environment,
              repository_owner_id: repository.startsWith('acme') ? '65' : '666',
            });
            out.push({
              ...(c as unknown as Record<string, string>),
              job_workflow_ref: wf,
              environment,
              aud,
            });
          }
        }
      }
    }
  }
  return out;
}

const rules = (provider: string, principal: string) => `version: 1
rules:
  - name: branches
    when: { repository: [acme/site, acme/api], ref: [refs/heads/main, "refs/tags/v*"], repository_owner_id: "65" }
    allow: { provider: ${provider}, ${principal}, max-duration: 15m }
  - name: prod
    when: { repository: acme/site, environment: production, repository_owner_id: "65" }
    allow: { provider: ${provider}, ${principal}, max-duration: 15m }
  - name: previews
    when: { repository: "acme/*", event_name: pull_request, repository_owner_id: "65" }
    allow: { provider: ${provider}, ${principal}, max-duration: 10m }
  - name: shared-deploy
    when: { repository: "acme/*", environment: staging, job_workflow_ref: "acme/workflows/.github/workflows/*.yml@refs/heads/main", repository_owner_id: "65" }
    allow: { provider: ${provider}, ${principal}, max-duration: 10m }
`;

/** Where cloud and policy differ, the difference must be one the export noted. */
function compare(
  policy: LoadedPolicy,
  notes: readonly string[],
  cloud: (c: Record<string, string | undefined>) => boolean,
  aud: string,
) {
  let agreed = 0;
  const unexplained: string[] = [];
  for (const claims of grid(aud)) {
    const policySays = claimMatches(policy, claims).matched;
    const cloudSays = cloud(claims);
    if (cloudSays === policySays.length > 0) {
      agreed++;
      continue;
    }
    // Documented: jobs with an environment carry it instead of the ref/event, so the cloud refuses
    // them for rules without an environment condition.
    const explained =
      !cloudSays &&
      claims['environment'] !== undefined &&
      policySays.every(
        (r) =>
          !r.when.some((c) => c.claim === 'environment') &&
          notes.some((n) => n.includes(`rule '${r.name}': jobs that use an environment`)),
      );
    if (!explained)
      unexplained.push(
        `${claims['sub']} ${claims['job_workflow_ref']}: policy ${policySays.map((r) => r.name).join(',') || 'denies'}, cloud ${cloudSays ? 'allows' : 'refuses'}`,
      );
  }
  expect(unexplained).toEqual([]);
  return agreed;
}

describe('AWS trust policy', () => {
  const policy = parsePolicy(rules('aws', 'role: arn:aws:iam::123456789012:role/deploy'), 'p.yml');
  const { document, notes } = exportAws(policy);
  const doc = document as any;

  it('has the documented shape', () => {
    expect(Object.keys(doc)).toEqual(['Version', 'Statement']);
    expect(doc.Version).toBe('2012-10-17');
    for (const st of doc.Statement) {
      expect(Object.keys(st).sort()).toEqual(['Action', 'Condition', 'Effect', 'Principal', 'Sid']);
      expect(st.Sid).toMatch(/^[A-Za-z0-9]+$/);
      expect(st.Effect).toBe('Allow');
      expect(st.Action).toBe('sts:AssumeRoleWithWebIdentity');
      expect(st.Principal).toEqual({
        Federated: `arn:aws:iam::123456789012:oidc-provider/${HOST}`,
      });
      for (const [op, keys] of Object.entries(
        st.Condition as Record<string, Record<string, unknown>>,
      )) {
        expect(['StringEquals', 'StringLike']).toContain(op);
        for (const [key, value] of Object.entries(keys)) {
          expect(key).toMatch(
            new RegExp(`^${HOST.replace(/\./g, '\\.')}:(aud|sub|job_workflow_ref)$`),
          );
          expect(
            typeof value === 'string' ||
              (Array.isArray(value) && value.every((v) => typeof v === 'string')),
          ).toBe(true);
        }
      }
      expect(st.Condition.StringEquals[`${HOST}:aud`]).toBe('sts.amazonaws.com');
      // a key is under one operator only: operators are AND'ed
      const like = Object.keys(st.Condition.StringLike ?? {});
      expect(Object.keys(st.Condition.StringEquals).filter((k) => like.includes(k))).toEqual([]);
    }
  });

  it('writes the subjects GitHub issues', () => {
    const branches = doc.Statement[0].Condition;
    expect(branches.StringLike[`${HOST}:sub`]).toEqual([
      'repo:acme/site:ref:refs/heads/main',
      'repo:acme/site:ref:refs/tags/v*',
      'repo:acme/api:ref:refs/heads/main',
      'repo:acme/api:ref:refs/tags/v*',
    ]);
    expect(doc.Statement[1].Condition.StringEquals[`${HOST}:sub`]).toBe(
      'repo:acme/site:environment:production',
    );
    expect(doc.Statement[3].Condition.StringLike[`${HOST}:job_workflow_ref`]).toBe(
      'acme/workflows/.github/workflows/*.yml@refs/heads/main',
    );
  });

  it('agrees with the policy on every token of the grid, except noted cases', () => {
    expect(compare(policy, notes, (c) => awsAllows(doc, c), 'sts.amazonaws.com')).toBeGreaterThan(
      100,
    );
    expect(notes.join('\n')).toMatch(
      /repository_owner_id is checked only by the workflow-side policy/,
    );
  });

  it('takes the account from --account-id for a role pattern, and needs one principal', () => {
    const p = parsePolicy(rules('aws', 'role: "arn:aws:iam::*:role/deploy"'), 'p.yml');
    expect(() => exportAws(p)).toThrow(/--account-id/);
    expect(
      (exportAws(p, { accountId: '210987654321' }).document as any).Statement[0].Principal
        .Federated,
    ).toBe(`arn:aws:iam::210987654321:oidc-provider/${HOST}`);
    const two = parsePolicy(
      rules('aws', 'role: arn:aws:iam::123456789012:role/deploy').replace(
        /role\/deploy(?=, max-duration: 10m)/g,
        'role/preview',
      ),
      'p.yml',
    );
    expect(() => exportAws(two)).toThrow(/2 principals .*--principal/);
    expect(
      (exportAws(two, { principal: 'arn:aws:iam::123456789012:role/preview' }).document as any)
        .Statement,
    ).toHaveLength(2);
  });

  it('uses the GHES issuer in keys and the provider ARN', () => {
    const d = exportAws(policy, { issuer: 'https://ghes.example.com/_services/token' })
      .document as any;
    expect(d.Statement[0].Principal.Federated).toBe(
      'arn:aws:iam::123456789012:oidc-provider/ghes.example.com/_services/token',
    );
    expect(Object.keys(d.Statement[0].Condition.StringEquals)).toContain(
      'ghes.example.com/_services/token:aud',
    );
  });

  it('leaves out a rule it cannot express, and says so', () => {
    const p = parsePolicy(
      rules('aws', 'role: arn:aws:iam::123456789012:role/deploy').replace(
        '"refs/tags/v*"',
        () => "'^refs/tags/v[0-9]+$'",
      ),
      'p.yml',
    );
    const r = exportAws(p);
    expect((r.document as any).Statement.map((s: any) => s.Sid)).not.toContain('JitPolicyBranches');
    expect(r.notes.join('\n')).toMatch(/rule 'branches': 'ref' uses a \^...\$ pattern.*left out/);
  });
});

describe('Azure federated identity credentials', () => {
  const policy = parsePolicy(
    rules('azure', 'client-id: 11111111-2222-3333-4444-555555555555'),
    'p.yml',
  );
  const { document, notes } = exportAzure(policy);
  const creds = document as any[];

  it('have the documented shape', () => {
    const names = new Set<string>();
    for (const c of creds) {
      expect(c.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/);
      names.add(c.name);
      expect(c.issuer).toBe('https://token.actions.githubusercontent.com');
      expect(c.audiences).toEqual(['api://AzureADTokenExchange']);
      expect('subject' in c !== 'claimsMatchingExpression' in c).toBe(true);
      if (c.claimsMatchingExpression) {
        expect(c.claimsMatchingExpression.languageVersion).toBe(1);
        expect(c.claimsMatchingExpression.value).toMatch(
          /^claims\['(sub|job_workflow_ref|repository_id|repository_owner_id)'\] matches '[^']*'( and claims\['(sub|job_workflow_ref|repository_id|repository_owner_id)'\] matches '[^']*')*$/,
        );
      }
    }
    expect(names.size).toBe(creds.length);
  });

  it('uses exact subjects where it can, flexible expressions for globs and job_workflow_ref', () => {
    expect(creds.filter((c) => c.subject).map((c) => c.subject)).toEqual([
      'repo:acme/site:environment:production',
    ]);
    expect(
      creds.find((c) => c.description.endsWith('shared-deploy')).claimsMatchingExpression.value,
    ).toBe(
      "claims['sub'] matches 'repo:acme/*:environment:staging' and claims['job_workflow_ref'] matches 'acme/workflows/.github/workflows/*.yml@refs/heads/main' and claims['repository_owner_id'] matches '65'",
    );
    expect(notes.join('\n')).toMatch(/preview feature/);
  });

  it('agrees with the policy on every token of the grid, except noted cases', () => {
    expect(
      compare(policy, notes, (c) => azureAllows(creds, c), 'api://AzureADTokenExchange'),
    ).toBeGreaterThan(100);
  });

  it('asks for an immutable owner or repository id before writing a flexible credential without one', () => {
    const p = parsePolicy(
      rules('azure', 'client-id: 11111111-2222-3333-4444-555555555555').replace(
        /, repository_owner_id: "65"/g,
        '',
      ),
      'p.yml',
    );
    expect(exportAzure(p).notes.join('\n')).toMatch(
      /requires flexible credentials for GitHub to also match repository_id or repository_owner_id/,
    );
  });
});

describe('Google workload identity provider', () => {
  const policy = parsePolicy(
    rules('gcp', 'service-account: deploy@p.iam.gserviceaccount.com').replace(
      '"refs/tags/v*"',
      () => "'^refs/tags/v[0-9]+\\.[0-9]+\\.[0-9]+$'",
    ),
    'p.yml',
  );
  const { document } = exportGcp(policy);
  const doc = document as any;

  it('has the documented shape: mapping to assertion.*, a CEL condition on assertion.*', () => {
    expect(Object.keys(doc).sort()).toEqual(['attributeCondition', 'attributeMapping', 'oidc']);
    expect(doc.attributeMapping['google.subject']).toBe('assertion.sub');
    for (const [k, v] of Object.entries(doc.attributeMapping)) {
      expect(k).toMatch(/^(google\.subject|attribute\.[a-z_][a-z0-9_]*)$/);
      expect(v).toMatch(/^assertion\.[a-z_]+$/);
    }
    expect(doc.attributeCondition.length).toBeLessThanOrEqual(4096);
    expect(doc.attributeCondition).not.toMatch(/\b(claims|attribute|google)\./);
    expect(doc.oidc).toEqual({ issuerUri: 'https://token.actions.githubusercontent.com' });
  });

  it('agrees exactly with the policy: Google sees every claim', () => {
    for (const claims of grid('https://iam.googleapis.com/x')) {
      expect(celAllows(doc.attributeCondition, claims), claims['sub']).toBe(
        claimMatches(policy, claims).matched.length > 0,
      );
    }
    expect(celAllows(doc.attributeCondition, { ...grid('a')[0], ref: 'refs/tags/v1.2.3-rc' })).toBe(
      false,
    );
  });

  it('keeps an alternation inside the anchors: a search matches no more than the policy', () => {
    const p = parsePolicy(
      `version: 1\nrules:\n  - name: r\n    when: { repository: acme/site, ref: '^refs/heads/main|refs/tags/v[0-9]+$' }\n    allow: { provider: gcp, service-account: a@p.iam.gserviceaccount.com, max-duration: 5m }\n`,
      'p.yml',
    );
    const cond = (exportGcp(p).document as any).attributeCondition as string;
    for (const ref of [
      'refs/heads/main',
      'refs/tags/v12',
      'refs/heads/main-attacker',
      'refs/heads/evil/refs/tags/v1',
      'xrefs/tags/v1',
    ]) {
      const claims = { repository: 'acme/site', ref };
      expect(celAllows(cond, claims), ref).toBe(claimMatches(p, claims).matched.length > 0);
    }
    expect(celAllows(cond, { repository: 'acme/site', ref: 'refs/heads/main-attacker' })).toBe(
      false,
    );
  });

  it('quotes values safely', () => {
    const p = parsePolicy(
      `version: 1\nrules:\n  - name: q\n    when: { repository: acme/site, ref: "refs/heads/it's\\\\x" }\n    allow: { provider: gcp, service-account: a@p.iam.gserviceaccount.com, max-duration: 5m }\n`,
      'p.yml',
    );
    const cond = (exportGcp(p).document as any).attributeCondition as string;
    expect(celAllows(cond, { repository: 'acme/site', ref: "refs/heads/it's\\x" })).toBe(true);
    expect(celAllows(cond, { repository: 'acme/site', ref: 'refs/heads/its' })).toBe(false);
  });
});

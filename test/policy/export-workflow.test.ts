/**
 * Trust that pins the workflow: `policy export --workflow-ref` adds a job_workflow_ref condition
 * where the policy has none, and `--sub-claims` writes subjects for a customised subject
 * template (include_claim_keys), printing the customisation to set, so that a cloud comparing
 * only `sub` (Entra ID's exact credentials) checks the workflow too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyCli } from '../../src/cli/policy.ts';

const cwd = mkdtempSync(join(tmpdir(), 'jit-policy-export-wf-'));
const CLIENT = '00000000-0000-0000-0000-00000000a2e0';
const WORKFLOW = 'acme/platform/.github/workflows/deploy.yml@refs/heads/main';
writeFileSync(
  join(cwd, 'aws.yml'),
  `version: 1
rules:
  - name: deploy-main
    when: { repository: acme/site, ref: refs/heads/main }
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m }
`,
);
writeFileSync(
  join(cwd, 'azure.yml'),
  `version: 1
rules:
  - name: deploy-main
    when:
      repository: acme/site
      ref: refs/heads/main
      job_workflow_ref: ${WORKFLOW}
    allow: { provider: azure, client-id: ${CLIENT}, max-duration: 1h }
`,
);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await policyCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('policy export pins the workflow', () => {
  it('AWS: --workflow-ref becomes a job_workflow_ref condition, which AWS checks as its own key', async () => {
    const r = await run('export', '--target', 'aws', '--workflow-ref', WORKFLOW, 'aws.yml');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      Statement: Array<{ Condition: Record<string, Record<string, unknown>> }>;
    };
    expect(doc.Statement[0]!.Condition['StringEquals']).toMatchObject({
      'token.actions.githubusercontent.com:sub': 'repo:acme/site:ref:refs/heads/main',
      'token.actions.githubusercontent.com:job_workflow_ref': WORKFLOW,
    });
  });

  it('Azure without a subject template: a flexible credential, and a note on how to avoid the preview', async () => {
    const r = await run('export', '--target', 'azure', 'azure.yml');
    expect(r.code, r.stderr).toBe(0);
    const [cred] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(cred!['claimsMatchingExpression']).toBeDefined();
    expect(r.stderr).toMatch(/--sub-claims repo,context,job_workflow_ref/);
  });

  it('Azure with --sub-claims repo,context,job_workflow_ref: an exact subject that carries the workflow, and the customisation to set', async () => {
    const r = await run(
      'export',
      '--target',
      'azure',
      '--sub-claims',
      'repo,context,job_workflow_ref',
      'azure.yml',
    );
    expect(r.code, r.stderr).toBe(0);
    const creds = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(creds).toHaveLength(1);
    expect(creds[0]!['subject']).toBe(
      `repo:acme/site:ref:refs/heads/main:job_workflow_ref:${WORKFLOW}`,
    );
    expect(creds[0]!['claimsMatchingExpression']).toBeUndefined();
    expect(r.stderr).toContain(
      `{"use_default":false,"include_claim_keys":["repo","context","job_workflow_ref"]}`,
    );
    expect(r.stderr).toContain(
      'gh api -X PUT repos/acme/site/actions/oidc/customization/sub --input -',
    );
  });

  it('AWS with a template key the rule does not constrain: a glob in that position', async () => {
    const r = await run(
      'export',
      '--target',
      'aws',
      '--sub-claims',
      'repo,context,job_workflow_ref',
      'aws.yml',
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      Statement: Array<{ Condition: Record<string, Record<string, unknown>> }>;
    };
    expect(doc.Statement[0]!.Condition['StringLike']).toMatchObject({
      'token.actions.githubusercontent.com:sub':
        'repo:acme/site:ref:refs/heads/main:job_workflow_ref:*',
    });
  });

  it.each([
    [['--sub-claims', 'repo,nonsense'], /'nonsense' is not one/],
    [['--sub-claims', 'repo,repo'], /distinct claim keys/],
    [['--workflow-ref', '^acme/.*$'], /must be an exact job_workflow_ref or a \* glob/],
  ])('refuses %j', async (flags, why) => {
    const r = await run('export', '--target', 'aws', ...flags, 'aws.yml');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(why);
  });
});

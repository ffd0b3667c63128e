import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parseCliArgs as parseArgs } from './args.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import {
  DELIVERY_MODES,
  PROVIDER_IDS,
  type DeliveryMode,
  type ProviderId,
} from '../providers/provider.js';
import { matchingRules, type ApprovalEvidence } from '../policy/decide.js';
import { reviewsOf, statusOf, type TeamMembers } from '../policy/approvals.js';
import { parseDuration, formatDuration } from '../policy/duration.js';
import { exportTrust } from '../policy/export/index.js';
import { checkIssuer } from '../policy/issuer.js';
import { MATCHABLE_CLAIMS } from '../policy/claims.js';
import {
  decidePartial,
  DEFAULT_POLICY_PATH,
  loadPolicy,
  type LoadedPolicy,
  type Rule,
} from '../policy/index.js';

export interface PolicyCliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const USAGE = `Usage: jit-credentials policy <verb> [options] [FILE]

FILE is the policy file (default ${DEFAULT_POLICY_PATH}).

Verbs:
  check [FILE]
      Validate the policy: every mistake as file:line:col, warnings for rules that match
      every repository or any ref. Exit 0 valid, 1 invalid.
  test --claims CLAIMS.json [--provider P --principal X --duration D --delivery M]
       [--approvals REVIEWS.json] [--team ORG/SLUG=LOGIN,...] [FILE]
      Explain the decision for a token's claims (a JSON object, e.g. a decoded token).
      Without --provider, lists the rules whose conditions the claims meet.
      A rule with require-approval is checked against --approvals, the run's review history
      as GET /repos/O/R/actions/runs/ID/approvals returns it (gh api ... > REVIEWS.json),
      and --team lists a team's members; without them such a rule does not allow.
      Exit 0 allowed (or some rule matches), 1 denied.
  export --target aws|gcp|azure [--principal X] [--account-id N] [--issuer URL]
         [--audience A] [--workflow-ref REF] [--sub-claims KEYS] [-o FILE] [FILE]
      Write the cloud's trust configuration for the rules of that provider: an IAM role
      trust policy (aws), the workload identity provider's attribute mapping and condition
      (gcp), federated identity credentials (azure). What the cloud cannot check is listed
      on standard error.
      --workflow-ref pins every rule without a job_workflow_ref condition to that workflow
      (OWNER/REPO/.github/workflows/F.yml@REF, or a * glob), for policy-source: workflow.
      --sub-claims writes subjects for the repository's OIDC subject template, such as
      repo,context,job_workflow_ref (which makes the workflow checkable by an exact 'sub'
      match), and prints the include_claim_keys customisation to set.

Exit code 2: usage error or unreadable file.
`;

/** `jit-credentials policy ...`: returns the exit code. */
export async function policyCli(argv: string[], io: PolicyCliIo): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    switch (verb) {
      case 'check':
        return await check(rest, io);
      case 'test':
        return await testVerb(rest, io);
      case 'export':
        return await exportVerb(rest, io);
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        io.stdout(USAGE);
        return verb === undefined ? 2 : 0;
      default:
        io.stderr(`Unknown policy verb '${verb}'.\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\nRun 'jit-credentials policy --help' for usage.\n`);
      return 2;
    }
    io.stderr(`${errorMessage(err)}\n`);
    return err instanceof ConfigurationError ? 1 : 2;
  }
}

class UsageError extends Error {}

function args<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(
  argv: string[],
  options: T,
) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1)
      throw new UsageError(`Expected at most one policy FILE, got: ${positionals.join(' ')}`);
    return { values: values as Record<string, string | boolean | undefined>, file: positionals[0] };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(errorMessage(err));
  }
}

function resolvePath(io: PolicyCliIo, file: string | undefined): string {
  const path = file ?? DEFAULT_POLICY_PATH;
  return isAbsolute(path) ? path : join(io.cwd, path);
}

async function load(io: PolicyCliIo, file: string | undefined): Promise<LoadedPolicy> {
  const abs = resolvePath(io, file);
  // Messages name the file as the user wrote it, so that file:line:col links work in their terminal.
  const shown = file ?? DEFAULT_POLICY_PATH;
  // Unreadable is a usage error (exit 2), as the help says; invalid is 1.
  if (!existsSync(abs)) throw new UsageError(`Policy file '${shown}' does not exist.`);
  try {
    return { ...(await loadPolicy(abs, { explicit: true }))!, path: shown };
  } catch (err) {
    if (err instanceof ConfigurationError)
      throw new ConfigurationError(err.message.split(abs).join(shown));
    throw err;
  }
}

async function check(argv: string[], io: PolicyCliIo): Promise<number> {
  const { values, file } = args(argv, {});
  if (values['help']) return help(io);
  const policy = await load(io, file);
  const shown = policy.path;
  for (const w of policy.warnings)
    io.stderr(`${shown}:${w.pos.line}:${w.pos.col}: warning: ${w.message}\n`);
  const rules = policy.rules;
  const providers = [...new Set(rules.map((r) => r.allow.provider))].join(', ') || 'none';
  io.stdout(
    `${shown}: valid, ${rules.length} rule${rules.length === 1 ? '' : 's'} (providers: ${providers}), ` +
      `${policy.warnings.length} warning${policy.warnings.length === 1 ? '' : 's'}, sha256:${policy.digest}\n`,
  );
  return 0;
}

async function testVerb(argv: string[], io: PolicyCliIo): Promise<number> {
  const { values, file } = args(argv, {
    claims: { type: 'string' },
    provider: { type: 'string' },
    principal: { type: 'string' },
    duration: { type: 'string' },
    delivery: { type: 'string' },
    approvals: { type: 'string' },
    team: { type: 'string', multiple: true },
  });
  if (values['help']) return help(io);
  const claimsFile = values['claims'] as string | undefined;
  if (!claimsFile)
    throw new UsageError('policy test needs --claims FILE: a JSON object of OIDC token claims.');
  const claims = await readClaims(resolvePath(io, claimsFile), claimsFile);
  const policy = await load(io, file);
  const provider = values['provider'] as string | undefined;
  if (provider === undefined) {
    for (const flag of ['principal', 'duration', 'delivery']) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --provider.`);
    }
    const { matched, mismatches } = matchingRules(policy, claims);
    for (const rule of matched) {
      const a = rule.allow;
      io.stdout(
        `match: rule ${rule.name} → ${a.provider} ${a.principalKey} ${a.principal.source}, max ${a.maxDurationText}, delivery ${a.delivery.join('|')}${requiresText(rule)}\n`,
      );
    }
    for (const m of mismatches) io.stdout(`no match: rule ${m.rule}: ${m.failures.join('; ')}\n`);
    if (matched.length === 0) io.stdout('denied: no rule matches these claims\n');
    return matched.length > 0 ? 0 : 1;
  }
  if (!(PROVIDER_IDS as readonly string[]).includes(provider)) {
    throw new UsageError(
      `--provider must be one of ${PROVIDER_IDS.join(', ')}, not '${provider}'.`,
    );
  }
  let duration: number | undefined;
  if (values['duration'] !== undefined) {
    duration = parseDuration(values['duration'] as string);
    if (duration === undefined)
      throw new UsageError(
        `--duration '${String(values['duration'])}' is not a duration (900, 15m, 1h).`,
      );
  }
  const delivery = values['delivery'] as string | undefined;
  if (delivery !== undefined && !(DELIVERY_MODES as readonly string[]).includes(delivery)) {
    throw new UsageError(`--delivery must be run, env or outputs, not '${delivery}'.`);
  }
  const evidence = await approvalEvidenceOf(
    io,
    claims,
    values['approvals'] as string | undefined,
    (values['team'] as unknown as string[] | undefined) ?? [],
  );
  const decision = decidePartial(
    policy,
    claims,
    {
      provider: provider as ProviderId,
      ...(values['principal'] !== undefined ? { principal: values['principal'] as string } : {}),
      ...(duration !== undefined ? { duration } : {}),
      ...(delivery !== undefined ? { delivery: delivery as DeliveryMode } : {}),
    },
    evidence,
  );
  if (decision.allowed) {
    io.stdout(
      `allowed by rule ${decision.rule} (max ${formatDuration(decision.maxDuration!)}, delivery ${decision.delivery!.join('|')})\n`,
    );
  } else {
    io.stdout('denied: no rule allows this request\n');
  }
  for (const reason of decision.reasons) io.stdout(`  - ${reason}\n`);
  io.stdout(`policy ${policy.path} sha256:${policy.digest}\n`);
  return decision.allowed ? 0 : 1;
}

function requiresText(rule: Rule): string {
  const r = rule.requireApproval;
  if (!r) return '';
  const who = [...r.reviewers, ...r.teams.map((t) => `members of ${t}`)];
  return `, requires an approval${who.length ? ` by ${who.join(', ')}` : ''} (not checked without --provider)`;
}

/** The review history and team members given on the command line, as the action would read them. */
async function approvalEvidenceOf(
  io: PolicyCliIo,
  claims: Record<string, unknown>,
  file: string | undefined,
  teamArgs: readonly string[],
): Promise<ApprovalEvidence | undefined> {
  const teams: Record<string, TeamMembers> = {};
  for (const arg of teamArgs) {
    const m = /^([^=\s]+\/[^=\s]+)=(.*)$/.exec(arg);
    if (!m) throw new UsageError(`--team '${arg}': write ORG/SLUG=login,login.`);
    teams[m[1]!.toLowerCase()] = {
      logins: m[2]!
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
    };
  }
  if (file === undefined) return teamArgs.length ? { approval: undefined, teams } : undefined;
  let list: unknown;
  try {
    list = JSON.parse(await readFile(resolvePath(io, file), 'utf8'));
  } catch (err) {
    throw new UsageError(`Cannot read --approvals '${file}' as JSON: ${errorMessage(err)}`);
  }
  if (!Array.isArray(list))
    throw new UsageError(
      `--approvals '${file}' must hold the JSON list GET /repos/OWNER/REPO/actions/runs/RUN_ID/approvals returns.`,
    );
  const environment = typeof claims['environment'] === 'string' ? claims['environment'] : '';
  if (!environment) return { approval: undefined, teams };
  const { reviews, skipped } = reviewsOf(list, environment);
  return {
    approval: {
      status: statusOf(reviews),
      environment,
      repository: String(claims['repository'] ?? ''),
      runId: String(claims['run_id'] ?? ''),
      reviews,
      readAt: new Date().toISOString(),
      ...(skipped ? { skipped } : {}),
    },
    teams,
  };
}

async function readClaims(path: string, shown: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read claims file '${shown}': ${errorMessage(err)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`Claims file '${shown}' is not JSON: ${errorMessage(err)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(
      `Claims file '${shown}' must hold a JSON object of claims, such as {"repository": "acme/site", "ref": "refs/heads/main"}.`,
    );
  }
  return parsed as Record<string, unknown>;
}

async function exportVerb(argv: string[], io: PolicyCliIo): Promise<number> {
  const { values, file } = args(argv, {
    target: { type: 'string', short: 't' },
    principal: { type: 'string' },
    'account-id': { type: 'string' },
    issuer: { type: 'string' },
    audience: { type: 'string' },
    'workflow-ref': { type: 'string' },
    'sub-claims': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values['help']) return help(io);
  const target = values['target'] as string | undefined;
  if (!target || !(PROVIDER_IDS as readonly string[]).includes(target)) {
    throw new UsageError(
      `policy export needs --target ${PROVIDER_IDS.join('|')}${target ? `, not '${target}'` : ''}.`,
    );
  }
  const policy = await load(io, file);
  const result = exportTrust(policy, target as ProviderId, {
    ...(values['principal'] !== undefined ? { principal: values['principal'] as string } : {}),
    ...(values['account-id'] !== undefined ? { accountId: values['account-id'] as string } : {}),
    ...(values['issuer'] !== undefined
      ? { issuer: checkIssuer(values['issuer'] as string, '--issuer') }
      : {}),
    ...(values['audience'] !== undefined ? { audience: values['audience'] as string } : {}),
    ...(values['workflow-ref'] !== undefined
      ? { workflowRef: values['workflow-ref'] as string }
      : {}),
    ...(values['sub-claims'] !== undefined
      ? { subjectClaims: subjectClaims(values['sub-claims'] as string) }
      : {}),
  });
  const json = JSON.stringify(result.document, null, 2) + '\n';
  const output = values['output'] as string | undefined;
  if (output) await writeFile(resolvePath(io, output), json);
  else io.stdout(json);
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  return 0;
}

/** `repo,context,job_workflow_ref` → the keys, checked as GitHub checks include_claim_keys. */
function subjectClaims(text: string): string[] {
  const keys = text
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter(Boolean);
  const known = [
    'repo',
    'context',
    ...MATCHABLE_CLAIMS.filter((c) => !['sub', 'aud', 'iss'].includes(c)),
  ];
  const bad = keys.find((k) => !known.includes(k));
  if (keys.length === 0 || bad !== undefined || new Set(keys).size !== keys.length) {
    throw new UsageError(
      `--sub-claims '${text}': give distinct claim keys separated by commas, such as repo,context,job_workflow_ref` +
        (bad ? ` ('${bad}' is not one; known: ${known.join(', ')})` : '') +
        '.',
    );
  }
  return keys;
}

function help(io: PolicyCliIo): number {
  io.stdout(USAGE);
  return 0;
}

import type { Condition, Matcher, Rule } from '../types.js';

/**
 * The `sub` claim a GitHub job carries is built, in this order of precedence, from
 * `repo:OWNER/REPO:environment:NAME`, `repo:OWNER/REPO:pull_request`,
 * `repo:OWNER/REPO:ref:REF` (a `:` inside a value written `%3A`). Clouds that only see
 * `sub` (AWS, Azure) get a rule's repository / environment / event / ref conditions
 * folded into subject patterns; what cannot be folded is reported, never silently dropped.
 */
export interface SubjectPlan {
  /** Glob-or-exact subject patterns, any of which the cloud should accept. */
  readonly subjects: readonly string[];
  /** True when any subject is a glob (`*`, `?`). */
  readonly glob: boolean;
  /** Claims of the rule that the subject patterns do not carry (checked only in the workflow). */
  readonly notCarried: readonly string[];
  /** Set when the rule cannot be written as subject patterns at all. */
  readonly inexpressible?: string;
  readonly notes: readonly string[];
}

/**
 * Events whose jobs carry `repo:…:pull_request` in `sub` (without an environment). Only
 * `pull_request`: a `pull_request_target` job carries the base ref (`repo:…:ref:…`), so folding
 * it into `pull_request` would trust the jobs whose workflow file the PR branch controls.
 */
const PR_EVENTS = ['pull_request'];

/** Claims folded into `sub` (or that are `sub`). */
const SUBJECT_CLAIMS = new Set(['sub', 'repository', 'environment', 'event_name', 'ref']);

export function condition(rule: Rule, claim: string): Condition | undefined {
  return rule.when.find((c) => c.claim === claim);
}

function literal(m: Matcher): string | undefined {
  return m.kind === 'regex' ? undefined : m.source;
}

/** `:` inside a value is percent-encoded in `sub`; globs keep their wildcards. */
function part(value: string): string {
  return value.replace(/:/g, '%3A');
}

/** GitHub's default subject template: `repo:OWNER/REPO:` then the context. */
export const DEFAULT_SUBJECT_CLAIMS: readonly string[] = ['repo', 'context'];

/**
 * The subjects a rule allows under the repository's subject template (`include_claim_keys`):
 * each key becomes `key:value` in that order, `repo` and `context` as GitHub writes them, any
 * other claim from the rule's condition on it (or `*` when the rule has none), so that a claim
 * such as `job_workflow_ref` becomes checkable by a cloud that sees only `sub`.
 */
export function subjectPlan(
  rule: Rule,
  template: readonly string[] = DEFAULT_SUBJECT_CLAIMS,
): SubjectPlan {
  const base = defaultSubjectPlan(rule);
  const extra = template.filter((k) => k !== 'repo' && k !== 'context');
  if (base.inexpressible || (extra.length === 0 && template.join() === 'repo,context')) return base;
  const notes = [...base.notes];
  let notCarried = [...base.notCarried];
  // Split each default subject back into its repo and context parts.
  const pairs = base.subjects.map((s) => {
    const m = /^repo:([^:]*):(.*)$/.exec(s)!;
    return { repo: m[1]!, context: m[2]! };
  });
  const values: string[][] = [];
  for (const key of extra) {
    const c = condition(rule, key);
    if (c?.anyOf.some((m) => m.kind === 'regex')) {
      return {
        ...base,
        inexpressible: `rule '${rule.name}': '${key}' uses a ^...$ pattern, which subject matching cannot express; write it as exact values or a * glob`,
      };
    }
    values.push(c ? c.anyOf.map((m) => part(m.source)) : ['*']);
    notCarried = notCarried.filter((n) => n !== key);
  }
  const subjects: string[] = [];
  const product = (i: number, acc: string[]): void => {
    if (i === extra.length) {
      for (const p of pairs) {
        const parts = template.map((k) =>
          k === 'repo'
            ? `repo:${p.repo}`
            : k === 'context'
              ? p.context
              : `${k}:${acc[extra.indexOf(k)]}`,
        );
        subjects.push(parts.join(':'));
      }
      return;
    }
    for (const v of values[i]!) product(i + 1, [...acc, v]);
  };
  product(0, []);
  if (!template.includes('repo')) notCarried.push('repository');
  if (!template.includes('context')) {
    for (const c of ['environment', 'event_name', 'ref'])
      if (condition(rule, c)) notCarried.push(c);
  }
  return {
    subjects: [...new Set(subjects)],
    glob: subjects.some((s) => /[*?]/.test(s)),
    notCarried: [...new Set(notCarried)],
    notes,
  };
}

function defaultSubjectPlan(rule: Rule): SubjectPlan {
  const notes: string[] = [];
  const notCarried = rule.when
    .map((c) => c.claim)
    .filter((c) => !SUBJECT_CLAIMS.has(c) && c !== 'job_workflow_ref');
  const regexIn = rule.when.find(
    (c) => SUBJECT_CLAIMS.has(c.claim) && c.anyOf.some((m) => m.kind === 'regex'),
  );
  if (regexIn) {
    return {
      subjects: [],
      glob: false,
      notCarried,
      notes,
      inexpressible: `rule '${rule.name}': '${regexIn.claim}' uses a ^...$ pattern, which subject matching cannot express; write it as exact values or a * glob`,
    };
  }
  const sub = condition(rule, 'sub');
  let subjects: string[];
  if (sub) {
    subjects = sub.anyOf.map((m) => literal(m)!);
    for (const c of ['repository', 'environment', 'event_name', 'ref']) {
      if (condition(rule, c)) notCarried.push(c);
    }
  } else {
    const repos = condition(rule, 'repository')?.anyOf.map((m) => part(literal(m)!)) ?? ['*'];
    if (!condition(rule, 'repository'))
      notes.push(
        `rule '${rule.name}' names no repository: the subject allows any repository ('repo:*')`,
      );
    const envs = condition(rule, 'environment')?.anyOf.map((m) => part(literal(m)!));
    const events = condition(rule, 'event_name')?.anyOf.map((m) => literal(m)!);
    const refs = condition(rule, 'ref')?.anyOf.map((m) => part(literal(m)!));
    const contexts: string[] = [];
    if (envs) {
      contexts.push(...envs.map((e) => `environment:${e}`));
      if (refs) notCarried.push('ref');
      if (events) notCarried.push('event_name');
      if (refs || events) {
        notes.push(
          `rule '${rule.name}': a job with an environment carries only the environment in 'sub', so the cloud cannot check ${[refs && 'ref', events && 'event_name'].filter(Boolean).join(' or ')}; protect the environment with deployment branch rules`,
        );
      }
    } else {
      const pr = events?.some((e) => PR_EVENTS.includes(e)) ?? false;
      const otherEvents = events ? events.filter((e) => !PR_EVENTS.includes(e)) : undefined;
      if (pr) contexts.push('pull_request');
      if (!events || otherEvents!.length > 0) {
        if (refs) contexts.push(...refs.map((r) => `ref:${r}`));
        else contexts.push(events ? 'ref:*' : '*');
        if (otherEvents && otherEvents.length > 0) notCarried.push('event_name');
      }
      if (pr && refs) {
        notes.push(
          `rule '${rule.name}': pull_request jobs carry 'repo:…:pull_request' in 'sub', without the ref; the cloud accepts any pull request of the repository`,
        );
      }
      if (!contexts.includes('*')) {
        notes.push(
          `rule '${rule.name}': jobs that use an environment carry it instead of the ref or event in 'sub'; the cloud will refuse them, while this rule (no environment condition) allows them`,
        );
      }
    }
    subjects = [];
    for (const r of repos) for (const c of contexts) subjects.push(`repo:${r}:${c}`);
  }
  return {
    subjects,
    glob: subjects.some((s) => /[*?]/.test(s)),
    notCarried: [...new Set(notCarried)],
    notes,
  };
}

/** The rule's job_workflow_ref values, or the reason they cannot be exported. */
export function workflowRefs(rule: Rule): {
  values?: string[];
  glob: boolean;
  inexpressible?: string;
} {
  const c = condition(rule, 'job_workflow_ref');
  if (!c) return { glob: false };
  if (c.anyOf.some((m) => m.kind === 'regex')) {
    return {
      glob: false,
      inexpressible: `rule '${rule.name}': 'job_workflow_ref' uses a ^...$ pattern; write it as exact values or a * glob`,
    };
  }
  const values = c.anyOf.map((m) => m.source);
  return { values, glob: values.some((v) => /[*?]/.test(v)) };
}

/** The issuer as it appears in AWS condition keys and OIDC provider ARNs: host and path, no scheme. */
export function issuerHostPath(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

export function safeId(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

export const id = 167;
export const ids = [167,593];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hT: () => (/* binding */ parseCliArgs),
/* harmony export */   lI: () => (/* binding */ verbArgs),
/* harmony export */   suggest: () => (/* binding */ suggest)
/* harmony export */ });
/* unused harmony exports UsageError, parseCli */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);

/** A mistake on the command line: shown as-is, exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/**
 * Node's parseArgs with its errors rewritten for people: the unknown flag is named with the
 * nearest known one ("Unknown option '--formt'. Did you mean '--format'?").
 */
function parseCliArgs(config) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(config);
    }
    catch (err) {
        throw friendly(err, config.options);
    }
}
/** The same, for a plain list of options. */
function parseCli(args, options, allowPositionals = true) {
    return parseCliArgs({ args: [...args], options, allowPositionals, strict: true });
}
function friendly(err, options) {
    const e = err;
    const flag = /'(-{1,2}[^'\s]+)[^']*'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
        const known = Object.keys(options ?? {}).map((o) => `--${o}`);
        return new UsageError(`Unknown option '${flag}'.${suggest(flag, known)}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
        return new UsageError(`Option '${flag}' needs a value.`);
    }
    return new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, '.'));
}
function verbArgs(argv, options, usage, io) {
    let parsed;
    try {
        parsed = parseCliArgs({
            args: [...argv],
            options: { ...options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
    }
    catch (err) {
        io.stderr(`${err.message}\n\n${usage}`);
        return 2;
    }
    if (parsed.values.help) {
        io.stdout(usage);
        return 0;
    }
    return parsed;
}
/** " Did you mean 'x'?" for the nearest of `known` within a small edit distance, else ''. */
function suggest(word, known) {
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        const d = distance(word, k);
        if (d < bestDistance)
            [best, bestDistance] = [k, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
        ? ` Did you mean '${best}'?`
        : '';
}
/** Levenshtein distance, for short command-line words only. */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 4100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyCli: () => (/* binding */ policyCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/providers/provider.ts
var providers_provider = __webpack_require__(9545);
// EXTERNAL MODULE: ./src/policy/decide.ts + 1 modules
var decide = __webpack_require__(3651);
// EXTERNAL MODULE: ./src/policy/duration.ts
var policy_duration = __webpack_require__(5432);
// EXTERNAL MODULE: ./src/policy/issuer.ts
var policy_issuer = __webpack_require__(1819);
// EXTERNAL MODULE: ./src/policy/matcher.ts
var matcher = __webpack_require__(9012);
;// CONCATENATED MODULE: ./src/policy/export/select.ts


/**
 * The rules for one cloud, narrowed to one principal. AWS trust policies and Azure federated
 * credentials belong to one role / one app, so several principals without `--principal` is a
 * question for the user, not something to guess.
 */
function rulesFor(policy, target, opts, perPrincipal) {
    return selectRules(policy, target, opts, perPrincipal).map((r) => pinWorkflow(r, opts.workflowRef));
}
/** The rule with a job_workflow_ref condition added, unless it has one: the cloud then trusts that workflow only. */
function pinWorkflow(rule, workflowRef) {
    if (workflowRef === undefined || rule.when.some((c) => c.claim === 'job_workflow_ref'))
        return rule;
    const m = (0,matcher/* compileMatcher */.qM)(workflowRef);
    if (typeof m === 'string' || m.kind === 'regex') {
        throw new errors/* ConfigurationError */.j1(`--workflow-ref '${workflowRef}' must be an exact job_workflow_ref or a * glob, such as acme/platform/.github/workflows/deploy.yml@refs/heads/main.`);
    }
    return {
        ...rule,
        when: [...rule.when, { claim: 'job_workflow_ref', anyOf: [m], pos: rule.pos }],
    };
}
function selectRules(policy, target, opts, perPrincipal) {
    const mine = policy.rules.filter((r) => r.allow.provider === target);
    if (mine.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${policy.path} has no rule for provider ${target}: there is nothing to export.`);
    }
    if (opts.principal !== undefined) {
        const chosen = mine.filter((r) => r.allow.principal.test(opts.principal));
        if (chosen.length === 0) {
            throw new errors/* ConfigurationError */.j1(`No ${target} rule in ${policy.path} allows '${opts.principal}'. Principals in the policy: ${principals(mine).join(', ')}.`);
        }
        return chosen;
    }
    const distinct = principals(mine);
    if (perPrincipal && distinct.length > 1) {
        throw new errors/* ConfigurationError */.j1(`The ${target} rules allow ${distinct.length} principals (${distinct.join(', ')}); each has its own trust configuration. Choose one with --principal.`);
    }
    return mine;
}
function principals(rules) {
    return [...new Set(rules.map((r) => r.allow.principal.source))];
}

;// CONCATENATED MODULE: ./src/policy/export/subjects.ts
/** Events whose jobs carry `repo:…:pull_request` in `sub` (without an environment). */
const PR_EVENTS = ['pull_request', 'pull_request_target'];
/** Claims folded into `sub` (or that are `sub`). */
const SUBJECT_CLAIMS = new Set(['sub', 'repository', 'environment', 'event_name', 'ref']);
function condition(rule, claim) {
    return rule.when.find((c) => c.claim === claim);
}
function literal(m) {
    return m.kind === 'regex' ? undefined : m.source;
}
/** `:` inside a value is percent-encoded in `sub`; globs keep their wildcards. */
function part(value) {
    return value.replace(/:/g, '%3A');
}
/** GitHub's default subject template: `repo:OWNER/REPO:` then the context. */
const DEFAULT_SUBJECT_CLAIMS = ['repo', 'context'];
/**
 * The subjects a rule allows under the repository's subject template (`include_claim_keys`):
 * each key becomes `key:value` in that order, `repo` and `context` as GitHub writes them, any
 * other claim from the rule's condition on it (or `*` when the rule has none), so that a claim
 * such as `job_workflow_ref` becomes checkable by a cloud that sees only `sub`.
 */
function subjectPlan(rule, template = DEFAULT_SUBJECT_CLAIMS) {
    const base = defaultSubjectPlan(rule);
    const extra = template.filter((k) => k !== 'repo' && k !== 'context');
    if (base.inexpressible || (extra.length === 0 && template.join() === 'repo,context'))
        return base;
    const notes = [...base.notes];
    let notCarried = [...base.notCarried];
    // Split each default subject back into its repo and context parts.
    const pairs = base.subjects.map((s) => {
        const m = /^repo:([^:]*):(.*)$/.exec(s);
        return { repo: m[1], context: m[2] };
    });
    const values = [];
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
    const subjects = [];
    const product = (i, acc) => {
        if (i === extra.length) {
            for (const p of pairs) {
                const parts = template.map((k) => k === 'repo'
                    ? `repo:${p.repo}`
                    : k === 'context'
                        ? p.context
                        : `${k}:${acc[extra.indexOf(k)]}`);
                subjects.push(parts.join(':'));
            }
            return;
        }
        for (const v of values[i])
            product(i + 1, [...acc, v]);
    };
    product(0, []);
    if (!template.includes('repo'))
        notCarried.push('repository');
    if (!template.includes('context')) {
        for (const c of ['environment', 'event_name', 'ref'])
            if (condition(rule, c))
                notCarried.push(c);
    }
    return {
        subjects: [...new Set(subjects)],
        glob: subjects.some((s) => /[*?]/.test(s)),
        notCarried: [...new Set(notCarried)],
        notes,
    };
}
function defaultSubjectPlan(rule) {
    const notes = [];
    const notCarried = rule.when
        .map((c) => c.claim)
        .filter((c) => !SUBJECT_CLAIMS.has(c) && c !== 'job_workflow_ref');
    const regexIn = rule.when.find((c) => SUBJECT_CLAIMS.has(c.claim) && c.anyOf.some((m) => m.kind === 'regex'));
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
    let subjects;
    if (sub) {
        subjects = sub.anyOf.map((m) => literal(m));
        for (const c of ['repository', 'environment', 'event_name', 'ref']) {
            if (condition(rule, c))
                notCarried.push(c);
        }
    }
    else {
        const repos = condition(rule, 'repository')?.anyOf.map((m) => part(literal(m))) ?? ['*'];
        if (!condition(rule, 'repository'))
            notes.push(`rule '${rule.name}' names no repository: the subject allows any repository ('repo:*')`);
        const envs = condition(rule, 'environment')?.anyOf.map((m) => part(literal(m)));
        const events = condition(rule, 'event_name')?.anyOf.map((m) => literal(m));
        const refs = condition(rule, 'ref')?.anyOf.map((m) => part(literal(m)));
        const contexts = [];
        if (envs) {
            contexts.push(...envs.map((e) => `environment:${e}`));
            if (refs)
                notCarried.push('ref');
            if (events)
                notCarried.push('event_name');
            if (refs || events) {
                notes.push(`rule '${rule.name}': a job with an environment carries only the environment in 'sub', so the cloud cannot check ${[refs && 'ref', events && 'event_name'].filter(Boolean).join(' or ')}; protect the environment with deployment branch rules`);
            }
        }
        else {
            const pr = events?.some((e) => PR_EVENTS.includes(e)) ?? false;
            const otherEvents = events ? events.filter((e) => !PR_EVENTS.includes(e)) : undefined;
            if (pr)
                contexts.push('pull_request');
            if (!events || otherEvents.length > 0) {
                if (refs)
                    contexts.push(...refs.map((r) => `ref:${r}`));
                else
                    contexts.push(events ? 'ref:*' : '*');
                if (otherEvents && otherEvents.length > 0)
                    notCarried.push('event_name');
            }
            if (pr && refs) {
                notes.push(`rule '${rule.name}': pull_request jobs carry 'repo:…:pull_request' in 'sub', without the ref; the cloud accepts any pull request of the repository`);
            }
            if (!contexts.includes('*')) {
                notes.push(`rule '${rule.name}': jobs that use an environment carry it instead of the ref or event in 'sub'; the cloud will refuse them, while this rule (no environment condition) allows them`);
            }
        }
        subjects = [];
        for (const r of repos)
            for (const c of contexts)
                subjects.push(`repo:${r}:${c}`);
    }
    return {
        subjects,
        glob: subjects.some((s) => /[*?]/.test(s)),
        notCarried: [...new Set(notCarried)],
        notes,
    };
}
/** The rule's job_workflow_ref values, or the reason they cannot be exported. */
function workflowRefs(rule) {
    const c = condition(rule, 'job_workflow_ref');
    if (!c)
        return { glob: false };
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
function issuerHostPath(issuer) {
    return issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
function safeId(text) {
    return text
        .replace(/[^A-Za-z0-9]+/g, ' ')
        .trim()
        .split(' ')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./src/policy/export/aws.ts




const ARN = /^arn:(aws[a-z-]*):iam::([0-9]{12}):role\//;
/**
 * An IAM role trust policy: one statement per rule (statements are OR'ed), each trusting the
 * account's OIDC provider for `sts:AssumeRoleWithWebIdentity` under conditions on
 * `<issuer>:aud`, `<issuer>:sub` and, when the rule names it, `<issuer>:job_workflow_ref`.
 * Exact values use StringEquals; once any value of a key is a glob, all of that key's values
 * go to StringLike (operators are AND'ed, so splitting one key across both would require both).
 */
function exportAws(policy, opts = {}) {
    const rules = rulesFor(policy, 'aws', opts, true);
    const notes = [];
    const role = opts.principal ?? rules[0].allow.principal.source;
    const fromArn = ARN.exec(role);
    const partition = fromArn?.[1] ?? 'aws';
    const account = opts.accountId ?? fromArn?.[2];
    if (!account || !/^[0-9]{12}$/.test(account)) {
        throw new errors/* ConfigurationError */.j1(opts.accountId !== undefined
            ? `--account-id '${opts.accountId}' is not a 12-digit AWS account id.`
            : `The role '${role}' is a pattern: give the account that holds the OIDC provider with --account-id.`);
    }
    const host = issuerHostPath(opts.issuer ?? policy_issuer/* GITHUB_ISSUER */.oX);
    const audience = opts.audience ?? 'sts.amazonaws.com';
    const statements = [];
    for (const rule of rules) {
        const plan = subjectPlan(rule, opts.subjectClaims);
        const wf = workflowRefs(rule);
        notes.push(...plan.notes);
        if (plan.inexpressible || wf.inexpressible) {
            notes.push(`${plan.inexpressible ?? wf.inexpressible}; the rule is left out, so AWS refuses what it would allow`);
            continue;
        }
        const equals = { [`${host}:aud`]: audience };
        const like = {};
        const put = (key, values, glob) => {
            (glob ? like : equals)[`${host}:${key}`] = values.length === 1 ? values[0] : values;
        };
        put('sub', [...plan.subjects], plan.glob);
        if (wf.values)
            put('job_workflow_ref', wf.values, wf.glob);
        const notCarried = plan.notCarried.filter((c) => c !== 'job_workflow_ref');
        if (notCarried.length > 0) {
            notes.push(`rule '${rule.name}': ${notCarried.join(', ')} ${notCarried.length === 1 ? 'is' : 'are'} checked only by the workflow-side policy, not by AWS`);
        }
        statements.push({
            Sid: `JitPolicy${safeId(rule.name)}`.slice(0, 100),
            Effect: 'Allow',
            Principal: { Federated: `arn:${partition}:iam::${account}:oidc-provider/${host}` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
                StringEquals: equals,
                ...(Object.keys(like).length ? { StringLike: like } : {}),
            },
        });
    }
    const longest = Math.max(...rules.map((r) => r.allow.maxDuration));
    notes.push(`max-duration is not part of a trust policy: set the role's MaxSessionDuration to ${Math.max(3600, longest)} s (IAM's floor is 3600) and rely on the workflow-side check for shorter ceilings`);
    if (statements.length === 0)
        throw new errors/* ConfigurationError */.j1(`No rule for '${role}' can be written as an AWS trust policy:\n  ${notes.join('\n  ')}`);
    return { document: { Version: '2012-10-17', Statement: statements }, notes };
}

;// CONCATENATED MODULE: ./src/policy/export/azure.ts




const AZURE_AUDIENCE = 'api://AzureADTokenExchange';
/** Entra ID allows 20 federated identity credentials per application or managed identity. */
const MAX_CREDENTIALS = 20;
/**
 * Federated identity credentials for one app (client id), as the Microsoft Graph
 * `federatedIdentityCredential` resource takes them. Entra matches `sub` exactly, so a rule
 * whose subjects are all exact becomes one credential per subject. A rule with a glob, or with
 * a `job_workflow_ref` condition, needs the flexible credential (preview): `subject` is then
 * replaced by `claimsMatchingExpression`, whose language has no "or" — hence one credential
 * per subject pattern. `matches` without a wildcard is an exact comparison, so it is the only
 * operator used.
 */
function exportAzure(policy, opts = {}) {
    const rules = rulesFor(policy, 'azure', opts, true);
    const notes = [];
    const issuer = opts.issuer ?? policy_issuer/* GITHUB_ISSUER */.oX;
    const audiences = [opts.audience ?? AZURE_AUDIENCE];
    const credentials = [];
    let flexible = false;
    for (const rule of rules) {
        const plan = subjectPlan(rule, opts.subjectClaims);
        // With job_workflow_ref in the subject template, exact subjects already pin the workflow.
        const inSubject = opts.subjectClaims?.includes('job_workflow_ref') ?? false;
        const wf = inSubject ? { glob: false } : workflowRefs(rule);
        notes.push(...plan.notes);
        const quoted = [...plan.subjects, ...(wf.values ?? [])].find((v) => v.includes("'"));
        const problem = plan.inexpressible ??
            wf.inexpressible ??
            (quoted ? `rule '${rule.name}': value ${quoted} contains a quote` : undefined);
        if (problem) {
            notes.push(`${problem}; the rule is left out, so Entra ID refuses what it would allow`);
            continue;
        }
        if (plan.notCarried.length > 0) {
            notes.push(`rule '${rule.name}': ${plan.notCarried.join(', ')} ${plan.notCarried.length === 1 ? 'is' : 'are'} checked only by the workflow-side policy, not by Entra ID`);
        }
        const description = `jit-credentials policy rule ${rule.name}`.slice(0, 600);
        if (!plan.glob && !wf.values) {
            for (const subject of plan.subjects) {
                credentials.push({
                    name: credentialName(rule, credentials.length),
                    issuer,
                    subject,
                    audiences,
                    description,
                });
            }
            continue;
        }
        flexible = true;
        const owner = immutableClause(rule);
        if (!owner) {
            notes.push(`rule '${rule.name}': Entra ID requires flexible credentials for GitHub to also match repository_id or repository_owner_id; add one of them (a single exact value) to the rule's 'when' and export again`);
        }
        for (const subject of plan.subjects) {
            for (const ref of wf.values ?? [undefined]) {
                const parts = [`claims['sub'] matches '${subject}'`];
                if (ref !== undefined)
                    parts.push(`claims['job_workflow_ref'] matches '${ref}'`);
                if (owner)
                    parts.push(owner);
                credentials.push({
                    name: credentialName(rule, credentials.length),
                    issuer,
                    audiences,
                    description,
                    claimsMatchingExpression: { value: parts.join(' and '), languageVersion: 1 },
                });
            }
        }
    }
    if (credentials.length === 0) {
        throw new errors/* ConfigurationError */.j1(`No Azure rule can be written as federated identity credentials:\n  ${notes.join('\n  ')}`);
    }
    if (flexible) {
        notes.push('flexible federated identity credentials (claimsMatchingExpression) are a preview feature: create them through Microsoft Graph (beta) or the portal');
    }
    if (credentials.length > MAX_CREDENTIALS) {
        notes.push(`${credentials.length} credentials exceed Entra ID's ${MAX_CREDENTIALS} per application: use globs (flexible credentials) or split the rules across apps`);
    }
    notes.push('max-duration cannot be expressed in Entra ID: access tokens live 60-90 minutes; the workflow-side check is the only ceiling');
    return { document: credentials, notes };
}
function immutableClause(rule) {
    for (const claim of ['repository_owner_id', 'repository_id']) {
        const c = condition(rule, claim);
        if (c &&
            c.anyOf.length === 1 &&
            c.anyOf[0].kind === 'exact' &&
            !c.anyOf[0].source.includes("'")) {
            return `claims['${claim}'] matches '${c.anyOf[0].source}'`;
        }
    }
    return undefined;
}
/** Names: 3-120 characters, letters, digits, '-' and '_', unique within the app. */
function credentialName(rule, index) {
    const base = rule.name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100);
    return `${base}-${index + 1}`.padEnd(3, '0');
}

;// CONCATENATED MODULE: ./src/policy/export/gcp.ts




/** Google's limit on an attribute condition. */
const MAX_CONDITION_LENGTH = 4096;
/**
 * The workload identity pool provider's `attributeMapping` and `attributeCondition`
 * (field names as in the IAM REST resource; gcloud takes the same values through
 * --attribute-mapping and --attribute-condition). Google sees every claim, so each rule
 * becomes `assertion.<claim>` tests AND'ed together, and the rules are OR'ed. All rules for
 * Google Cloud are exported together: the condition belongs to the provider, which every
 * service account reached through it shares.
 */
function exportGcp(policy, opts = {}) {
    const rules = rulesFor(policy, 'gcp', opts, false);
    const notes = [];
    const mapping = { 'google.subject': 'assertion.sub' };
    const clauses = [];
    for (const rule of rules) {
        if (rule.when.length === 0) {
            notes.push(`rule '${rule.name}' has no conditions: the attribute condition accepts every token of the issuer; add conditions`);
            clauses.push('true');
            continue;
        }
        const tests = rule.when.map((c) => {
            mapping[`attribute.${c.claim}`] = `assertion.${c.claim}`;
            return cel(c, notes, rule.name);
        });
        clauses.push(tests.length === 1 ? tests[0] : `(${tests.join(' && ')})`);
    }
    const condition = clauses.join(' || ');
    if (condition.length > MAX_CONDITION_LENGTH) {
        throw new errors/* ConfigurationError */.j1(`The attribute condition would be ${condition.length} characters; Google accepts at most ${MAX_CONDITION_LENGTH}. Merge rules or use globs.`);
    }
    notes.push("mapped attributes let you bind service accounts narrowly, e.g. member 'principalSet://iam.googleapis.com/projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO' with roles/iam.workloadIdentityUser");
    const serviceAccounts = [
        ...new Set(rules
            .filter((r) => r.allow.principalKey === 'service-account')
            .map((r) => r.allow.principal.source)),
    ];
    if (serviceAccounts.length > 1) {
        notes.push(`the condition is the union of the rules for ${serviceAccounts.join(', ')}; which repository may use which account is decided by each account's IAM bindings`);
    }
    return {
        document: {
            attributeMapping: mapping,
            attributeCondition: condition,
            oidc: {
                issuerUri: opts.issuer ?? policy_issuer/* GITHUB_ISSUER */.oX,
                ...(opts.audience ? { allowedAudiences: [opts.audience] } : {}),
            },
        },
        notes,
    };
}
/** A CEL string literal: single-quoted, with backslash and quote escaped. */
function str(value) {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
function cel(c, notes, rule) {
    const field = `assertion.${c.claim}`;
    const exact = c.anyOf.filter((m) => m.kind === 'exact').map((m) => m.source);
    const parts = [];
    if (exact.length === 1)
        parts.push(`${field} == ${str(exact[0])}`);
    else if (exact.length > 1)
        parts.push(`${field} in [${exact.map(str).join(', ')}]`);
    for (const m of c.anyOf.filter((x) => x.kind !== 'exact'))
        parts.push(`${field}.matches(${str(re2(m, notes, rule, c.claim))})`);
    return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}
/** CEL's matches() is RE2 and unanchored: globs become anchored regexes; JS-only syntax is flagged. */
function re2(m, notes, rule, claim) {
    if (m.kind === 'glob')
        return (0,matcher/* globToRegExp */.tL)(m.source).source.replace(/\[\\s\\S\]/g, '.');
    if (/\(\?<?[=!]|\\[1-9]|\\k</.test(m.source)) {
        notes.push(`rule '${rule}': the '${claim}' pattern uses lookaround or backreferences, which Google's RE2 rejects; rewrite it before applying`);
    }
    return m.source;
}

;// CONCATENATED MODULE: ./src/policy/export/index.ts





function exportTrust(policy, target, opts = {}) {
    const result = target === 'aws'
        ? exportAws(policy, opts)
        : target === 'gcp'
            ? exportGcp(policy, opts)
            : exportAzure(policy, opts);
    return { ...result, notes: [...result.notes, ...subjectNotes(policy, target, opts)] };
}
/**
 * What the repository must be set to for the export to hold (a custom subject template), or
 * how to make job_workflow_ref checkable where only `sub` is compared exactly (Azure's
 * non-preview credentials). AWS (condition key `token.actions.githubusercontent.com:job_workflow_ref`)
 * and Google (any mapped claim) check job_workflow_ref without it.
 */
function subjectNotes(policy, target, opts) {
    const template = opts.subjectClaims;
    if (template && template.join() !== DEFAULT_SUBJECT_CLAIMS.join()) {
        const body = JSON.stringify({ use_default: false, include_claim_keys: template });
        const repo = singleRepository(policy, target) ?? 'OWNER/REPO';
        return [
            `this export assumes the repository's OIDC subject template ${body}; until it is set, GitHub issues the default 'repo:…:context' subject and the cloud refuses every token. ` +
                `Set it (repository admin): echo '${body}' | gh api -X PUT repos/${repo}/actions/oidc/customization/sub --input -` +
                ` (an organisation's default: PUT orgs/ORG/actions/oidc/customization/sub with {"include_claim_keys": [...]}).`,
        ];
    }
    const pins = policy.rules.some((r) => r.allow.provider === target && r.when.some((c) => c.claim === 'job_workflow_ref'));
    if (target === 'azure' && (pins || opts.workflowRef !== undefined)) {
        return [
            "Entra ID compares only 'sub' exactly outside the preview flexible credentials: export with --sub-claims repo,context,job_workflow_ref to pin the workflow in exact subjects instead, and set that subject template on the repository",
        ];
    }
    return [];
}
function singleRepository(policy, target) {
    const repos = new Set();
    for (const r of policy.rules.filter((x) => x.allow.provider === target)) {
        const c = r.when.find((w) => w.claim === 'repository');
        if (!c || c.anyOf.length !== 1 || c.anyOf[0].kind !== 'exact')
            return undefined;
        repos.add(c.anyOf[0].source);
    }
    return repos.size === 1 ? [...repos][0] : undefined;
}

// EXTERNAL MODULE: ./src/policy/claims.ts
var claims = __webpack_require__(9745);
// EXTERNAL MODULE: ./src/policy/load.ts
var load = __webpack_require__(8164);
// EXTERNAL MODULE: ./src/policy/render.ts
var render = __webpack_require__(1120);
// EXTERNAL MODULE: ./src/policy/source.ts + 1 modules
var source = __webpack_require__(9170);
// EXTERNAL MODULE: ./src/policy/verify.ts
var verify = __webpack_require__(3254);
;// CONCATENATED MODULE: ./src/policy/index.ts







;// CONCATENATED MODULE: ./src/cli/policy.ts












const USAGE = `Usage: jit-credentials policy <verb> [options] [FILE]

FILE is the policy file (default ${load/* DEFAULT_POLICY_PATH */.lo}).

Verbs:
  check [FILE]
      Validate the policy: every mistake as file:line:col, warnings for rules that match
      every repository or any ref. Exit 0 valid, 1 invalid.
  test --claims CLAIMS.json [--provider P --principal X --duration D --delivery M] [FILE]
      Explain the decision for a token's claims (a JSON object, e.g. a decoded token).
      Without --provider, lists the rules whose conditions the claims meet.
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
async function policyCli(argv, io) {
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
    }
    catch (err) {
        if (err instanceof UsageError) {
            io.stderr(`${err.message}\n\nRun 'jit-credentials policy --help' for usage.\n`);
            return 2;
        }
        io.stderr(`${(0,errors/* errorMessage */.gJ)(err)}\n`);
        return err instanceof errors/* ConfigurationError */.j1 ? 1 : 2;
    }
}
class UsageError extends Error {
}
function policy_args(argv, options) {
    try {
        const { values, positionals } = (0,args/* parseCliArgs */.hT)({
            args: argv,
            options: { ...options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
        if (positionals.length > 1)
            throw new UsageError(`Expected at most one policy FILE, got: ${positionals.join(' ')}`);
        return { values: values, file: positionals[0] };
    }
    catch (err) {
        if (err instanceof UsageError)
            throw err;
        throw new UsageError((0,errors/* errorMessage */.gJ)(err));
    }
}
function resolvePath(io, file) {
    const path = file ?? load/* DEFAULT_POLICY_PATH */.lo;
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(io.cwd, path);
}
async function policy_load(io, file) {
    const abs = resolvePath(io, file);
    // Messages name the file as the user wrote it, so that file:line:col links work in their terminal.
    const shown = file ?? load/* DEFAULT_POLICY_PATH */.lo;
    // Unreadable is a usage error (exit 2), as the help says; invalid is 1.
    if (!(0,external_node_fs_.existsSync)(abs))
        throw new UsageError(`Policy file '${shown}' does not exist.`);
    try {
        return { ...(await (0,load/* loadPolicy */.tb)(abs, { explicit: true })), path: shown };
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1)
            throw new errors/* ConfigurationError */.j1(err.message.split(abs).join(shown));
        throw err;
    }
}
async function check(argv, io) {
    const { values, file } = policy_args(argv, {});
    if (values['help'])
        return help(io);
    const policy = await policy_load(io, file);
    const shown = policy.path;
    for (const w of policy.warnings)
        io.stderr(`${shown}:${w.pos.line}:${w.pos.col}: warning: ${w.message}\n`);
    const rules = policy.rules;
    const providers = [...new Set(rules.map((r) => r.allow.provider))].join(', ') || 'none';
    io.stdout(`${shown}: valid, ${rules.length} rule${rules.length === 1 ? '' : 's'} (providers: ${providers}), ` +
        `${policy.warnings.length} warning${policy.warnings.length === 1 ? '' : 's'}, sha256:${policy.digest}\n`);
    return 0;
}
async function testVerb(argv, io) {
    const { values, file } = policy_args(argv, {
        claims: { type: 'string' },
        provider: { type: 'string' },
        principal: { type: 'string' },
        duration: { type: 'string' },
        delivery: { type: 'string' },
    });
    if (values['help'])
        return help(io);
    const claimsFile = values['claims'];
    if (!claimsFile)
        throw new UsageError('policy test needs --claims FILE: a JSON object of OIDC token claims.');
    const claims = await readClaims(resolvePath(io, claimsFile), claimsFile);
    const policy = await policy_load(io, file);
    const provider = values['provider'];
    if (provider === undefined) {
        for (const flag of ['principal', 'duration', 'delivery']) {
            if (values[flag] !== undefined)
                throw new UsageError(`--${flag} needs --provider.`);
        }
        const { matched, mismatches } = (0,decide/* matchingRules */.vB)(policy, claims);
        for (const rule of matched) {
            const a = rule.allow;
            io.stdout(`match: rule ${rule.name} → ${a.provider} ${a.principalKey} ${a.principal.source}, max ${a.maxDurationText}, delivery ${a.delivery.join('|')}\n`);
        }
        for (const m of mismatches)
            io.stdout(`no match: rule ${m.rule}: ${m.failures.join('; ')}\n`);
        if (matched.length === 0)
            io.stdout('denied: no rule matches these claims\n');
        return matched.length > 0 ? 0 : 1;
    }
    if (!providers_provider/* PROVIDER_IDS */.NO.includes(provider)) {
        throw new UsageError(`--provider must be one of ${providers_provider/* PROVIDER_IDS */.NO.join(', ')}, not '${provider}'.`);
    }
    let duration;
    if (values['duration'] !== undefined) {
        duration = (0,policy_duration/* parseDuration */.E9)(values['duration']);
        if (duration === undefined)
            throw new UsageError(`--duration '${String(values['duration'])}' is not a duration (900, 15m, 1h).`);
    }
    const delivery = values['delivery'];
    if (delivery !== undefined && !providers_provider/* DELIVERY_MODES */.cE.includes(delivery)) {
        throw new UsageError(`--delivery must be run, env or outputs, not '${delivery}'.`);
    }
    const decision = (0,decide/* decidePartial */.Cv)(policy, claims, {
        provider: provider,
        ...(values['principal'] !== undefined ? { principal: values['principal'] } : {}),
        ...(duration !== undefined ? { duration } : {}),
        ...(delivery !== undefined ? { delivery: delivery } : {}),
    });
    if (decision.allowed) {
        io.stdout(`allowed by rule ${decision.rule} (max ${(0,policy_duration/* formatDuration */.a3)(decision.maxDuration)}, delivery ${decision.delivery.join('|')})\n`);
    }
    else {
        io.stdout('denied: no rule allows this request\n');
    }
    for (const reason of decision.reasons)
        io.stdout(`  - ${reason}\n`);
    io.stdout(`policy ${policy.path} sha256:${policy.digest}\n`);
    return decision.allowed ? 0 : 1;
}
async function readClaims(path, shown) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        throw new UsageError(`Cannot read claims file '${shown}': ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new UsageError(`Claims file '${shown}' is not JSON: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new UsageError(`Claims file '${shown}' must hold a JSON object of claims, such as {"repository": "acme/site", "ref": "refs/heads/main"}.`);
    }
    return parsed;
}
async function exportVerb(argv, io) {
    const { values, file } = policy_args(argv, {
        target: { type: 'string', short: 't' },
        principal: { type: 'string' },
        'account-id': { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        'workflow-ref': { type: 'string' },
        'sub-claims': { type: 'string' },
        output: { type: 'string', short: 'o' },
    });
    if (values['help'])
        return help(io);
    const target = values['target'];
    if (!target || !providers_provider/* PROVIDER_IDS */.NO.includes(target)) {
        throw new UsageError(`policy export needs --target ${providers_provider/* PROVIDER_IDS */.NO.join('|')}${target ? `, not '${target}'` : ''}.`);
    }
    const policy = await policy_load(io, file);
    const result = exportTrust(policy, target, {
        ...(values['principal'] !== undefined ? { principal: values['principal'] } : {}),
        ...(values['account-id'] !== undefined ? { accountId: values['account-id'] } : {}),
        ...(values['issuer'] !== undefined
            ? { issuer: (0,policy_issuer/* checkIssuer */.oP)(values['issuer'], '--issuer') }
            : {}),
        ...(values['audience'] !== undefined ? { audience: values['audience'] } : {}),
        ...(values['workflow-ref'] !== undefined
            ? { workflowRef: values['workflow-ref'] }
            : {}),
        ...(values['sub-claims'] !== undefined
            ? { subjectClaims: subjectClaims(values['sub-claims']) }
            : {}),
    });
    const json = JSON.stringify(result.document, null, 2) + '\n';
    const output = values['output'];
    if (output)
        await (0,promises_.writeFile)(resolvePath(io, output), json);
    else
        io.stdout(json);
    for (const note of result.notes)
        io.stderr(`note: ${note}\n`);
    return 0;
}
/** `repo,context,job_workflow_ref` → the keys, checked as GitHub checks include_claim_keys. */
function subjectClaims(text) {
    const keys = text
        .split(/[\s,]+/)
        .map((k) => k.trim())
        .filter(Boolean);
    const known = [
        'repo',
        'context',
        ...claims/* MATCHABLE_CLAIMS */.WB.filter((c) => !['sub', 'aud', 'iss'].includes(c)),
    ];
    const bad = keys.find((k) => !known.includes(k));
    if (keys.length === 0 || bad !== undefined || new Set(keys).size !== keys.length) {
        throw new UsageError(`--sub-claims '${text}': give distinct claim keys separated by commas, such as repo,context,job_workflow_ref` +
            (bad ? ` ('${bad}' is not one; known: ${known.join(', ')})` : '') +
            '.');
    }
    return keys;
}
function help(io) {
    io.stdout(USAGE);
    return 0;
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_SECONDS = { h: 3600, m: 60, s: 1 };
/**
 * The one duration syntax of inputs, policy rules and the CLI: `900`, `90s`, `15m`, `1h`,
 * `1h30m`. Seconds, or undefined when the text is not a positive duration (the caller says
 * where the bad value is).
 */
function parseDuration(value) {
    if (typeof value === 'number')
        return Number.isSafeInteger(value) && value > 0 ? value : undefined;
    const text = value.trim();
    let total;
    if (/^[0-9]+$/.test(text)) {
        total = Number(text);
    }
    else {
        const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(text);
        if (!m || text === '')
            return undefined;
        total = 0;
        for (const [i, unit] of ['h', 'm', 's'].entries()) {
            const part = m[i + 1];
            if (part !== undefined)
                total += Number(part) * UNIT_SECONDS[unit];
        }
    }
    return Number.isSafeInteger(total) && total > 0 ? total : undefined;
}
/** `1h30m`, `5m`, `45s`, `0s`. */
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
    return parts.length ? parts.join('') : '0s';
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ CloudError),
/* harmony export */   XP: () => (/* binding */ RevocationError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * A mistake the user can fix by changing an input, the policy or a cloud's trust
 * configuration. Kept apart from bugs so that the message is shown as-is, without a
 * stack, and so that reporting can say "change this" rather than "this broke".
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** A cloud refused or failed a request; the message already says what to fix. */
class CloudError extends Error {
    retryable;
    name = 'CloudError';
    constructor(message, retryable = false, options) {
        super(message, options);
        this.retryable = retryable;
    }
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * A revocation the cloud did not take (the deny could not be written, or did not stay): the
 * session is still accepted until `sessionExpiresAt`. The close must fail and say
 * "not revoked — expires <time>", never "revoked"; the message says what to fix.
 */
class RevocationError extends CloudError {
    sessionExpiresAt;
    name = 'RevocationError';
    constructor(message, 
    /** When the cloud refuses the session anyway (its STS expiry). */
    sessionExpiresAt, options) {
        super(message, false, options);
        this.sessionExpiresAt = sessionExpiresAt;
    }
}


/***/ }),

/***/ 4493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ recordToken),
/* harmony export */   x: () => (/* binding */ RECORDED_CLAIMS)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7961);


/** The claims that decide access and that reviewers need to see; the rest stays out of the record. */
const RECORDED_CLAIMS = [
    'sub',
    'aud',
    'repository',
    'ref',
    'environment',
    'event_name',
    'job_workflow_ref',
    'run_id',
    'run_attempt',
    'actor',
];
/** A digest and the deciding claims of a GitHub OIDC token: enough to audit, useless to replay. */
function recordToken(token) {
    const tokenSha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(token).digest('hex');
    let all = {};
    try {
        all = (0,jose__WEBPACK_IMPORTED_MODULE_1__/* .decodeJwt */ .i)(token);
    }
    catch {
        // Not a JWT we can read: the digest still identifies it.
    }
    const claims = {};
    for (const name of RECORDED_CLAIMS) {
        if (all[name] !== undefined)
            claims[name] = all[name];
    }
    return { tokenSha256, claims };
}


/***/ }),

/***/ 3651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LD: () => (/* binding */ decide),
  Cv: () => (/* binding */ decidePartial),
  vB: () => (/* binding */ matchingRules)
});

// UNUSED EXPORTS: claimFailures

// EXTERNAL MODULE: ./src/policy/claims.ts
var policy_claims = __webpack_require__(9745);
// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(5432);
;// CONCATENATED MODULE: ./src/policy/describe.ts
/** How a matcher reads in reasons and the summary; apart from matcher.ts so that deciding never loads the regex engine. */
function describeMatcher(m) {
    return m.kind === 'exact'
        ? `'${m.source}'`
        : m.kind === 'glob'
            ? `glob '${m.source}'`
            : `pattern '${m.source}'`;
}

;// CONCATENATED MODULE: ./src/policy/decide.ts



/** Claim conditions of one rule that do not hold; empty when all do. */
function claimFailures(rule, claims) {
    const failures = [];
    for (const c of rule.when) {
        const value = (0,policy_claims/* claimText */.Q1)(claims[c.claim]);
        const wanted = c.anyOf.map(describeMatcher).join(' or ');
        if (value === undefined)
            failures.push(`${c.claim} is absent from the token, wants ${wanted}`);
        else if (!c.anyOf.some((m) => m.test(value)))
            failures.push(`${c.claim} is '${value}', wants ${wanted}`);
    }
    return failures;
}
/**
 * Default deny: the first rule whose claims, provider, principal, duration and delivery
 * all hold allows the request; otherwise every rule's mismatches are the reasons.
 * Pure and synchronous so it costs microseconds and can be table-tested.
 */
function decide(policy, claims, request) {
    return evaluate(policy, claims, request);
}
/** Like decide, but request fields left out are not checked (the CLI's `policy test`). */
function decidePartial(policy, claims, request) {
    return evaluate(policy, claims, request);
}
function evaluate(policy, claims, request) {
    const mismatches = [];
    for (const rule of policy.rules) {
        const failures = requestFailures(rule, request);
        failures.push(...claimFailures(rule, claims));
        if (failures.length === 0) {
            return {
                allowed: true,
                rule: rule.name,
                maxDuration: rule.allow.maxDuration,
                delivery: rule.allow.delivery,
                reasons: allowReasons(rule, claims, request),
                record: record(policy, claims, request, {
                    decision: 'allowed',
                    rule: rule.name,
                    ruleClaims: rule.when.map((c) => c.claim),
                }),
            };
        }
        mismatches.push({ rule: rule.name, failures });
    }
    const reasons = policy.rules.length === 0
        ? ['the policy has no rules, so nothing is allowed']
        : mismatches.map((m) => `rule ${m.rule}: ${m.failures.join('; ')}`);
    return {
        allowed: false,
        reasons,
        record: record(policy, claims, request, { decision: 'denied', mismatches }),
    };
}
function requestFailures(rule, request) {
    const a = rule.allow;
    const failures = [];
    if (request.provider !== undefined && request.provider !== a.provider) {
        failures.push(`provider is ${request.provider}, rule is for ${a.provider}`);
        return failures; // the other fields mean nothing for another cloud
    }
    if (request.principal !== undefined && !a.principal.test(request.principal)) {
        failures.push(`${a.principalKey} is '${request.principal}', wants ${describeMatcher(a.principal)}`);
    }
    if (request.duration !== undefined && request.duration > a.maxDuration) {
        failures.push(`duration ${request.duration} s (${(0,duration/* formatDuration */.a3)(request.duration)}) is above max-duration ${a.maxDuration} s (${a.maxDurationText})`);
    }
    if (request.delivery !== undefined && !a.delivery.includes(request.delivery)) {
        failures.push(`delivery is ${request.delivery}, rule requires ${a.delivery.join(' or ')}`);
    }
    return failures;
}
function allowReasons(rule, claims, request) {
    const a = rule.allow;
    const reasons = rule.when.map((c) => `${c.claim} '${(0,policy_claims/* claimText */.Q1)(claims[c.claim])}' matches ${c.anyOf.map(describeMatcher).join(' or ')}`);
    if (request.principal !== undefined)
        reasons.push(`${a.principalKey} '${request.principal}' matches ${describeMatcher(a.principal)}`);
    if (request.duration !== undefined) {
        reasons.push(`duration ${(0,duration/* formatDuration */.a3)(request.duration)} is within max-duration ${a.maxDurationText}`);
    }
    if (request.delivery !== undefined && a.delivery.length < 3) {
        reasons.push(`delivery ${request.delivery} is one of ${a.delivery.join(', ')}`);
    }
    return reasons;
}
function record(policy, claims, request, extra) {
    const keep = new Set([...policy_claims/* RECORDED_CLAIMS */.xN, ...(extra.ruleClaims ?? [])]);
    const deciding = {};
    for (const name of keep) {
        const v = (0,policy_claims/* claimText */.Q1)(claims[name]);
        if (v !== undefined)
            deciding[name] = v;
    }
    return {
        decision: extra.decision,
        ...(extra.rule ? { rule: extra.rule } : {}),
        policyPath: policy.path,
        policyDigest: `sha256:${policy.digest}`,
        request: {
            provider: request.provider,
            principal: request.principal,
            duration: request.duration,
            delivery: request.delivery,
        },
        claims: deciding,
        ...(extra.mismatches ? { mismatches: extra.mismatches } : {}),
    };
}
/** Rules whose claim conditions hold, whatever the request: for `policy test` without a request. */
function matchingRules(policy, claims) {
    const matched = [];
    const mismatches = [];
    for (const rule of policy.rules) {
        const failures = claimFailures(rule, claims);
        if (failures.length === 0)
            matched.push(rule);
        else
            mismatches.push({ rule: rule.name, failures });
    }
    return { matched, mismatches };
}


/***/ }),

/***/ 8856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _1: () => (/* binding */ boundedGet),
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   o$: () => (/* binding */ jsonObject)
/* harmony export */ });
/* unused harmony exports DeadlineError, formatBytes */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/**
 * One bounded HTTP GET for everything the action reads from GitHub before a decision: the
 * runner's OIDC token, the issuer's discovery document and keys, the policy from the REST API.
 * Each of those servers can be slow, wrong or hostile, so every read has a deadline covering
 * the whole exchange (headers and body) and a size cap enforced while the body streams in: a
 * 100 MB answer is refused after the first megabyte, never held in memory whole.
 */

/** The answer was larger than its cap; never worth another attempt. */
class ResponseTooLargeError extends Error {
    name = 'ResponseTooLargeError';
}
/** The deadline passed: a network failure as far as retrying is concerned (see isNetworkError). */
class DeadlineError extends Error {
    name = 'TimeoutError';
}
async function boundedGet(url, opts) {
    if (!opts.fetch)
        useEnvProxy();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    const expired = () => new DeadlineError(`${opts.what} from ${url} took longer than ${opts.timeoutMs} ms`);
    try {
        let res;
        try {
            res = await (opts.fetch ?? fetch)(url, {
                headers: { ...opts.headers },
                signal: controller.signal,
                redirect: 'follow',
            });
        }
        catch (err) {
            if (controller.signal.aborted)
                throw expired();
            throw err;
        }
        const declared = Number(res.headers.get('content-length'));
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
            await res.body?.cancel().catch(() => undefined);
            throw tooLarge(opts, url, `${declared} bytes`);
        }
        try {
            const body = await readCapped(res, opts, url);
            return { status: res.status, headers: res.headers, body };
        }
        catch (err) {
            if (controller.signal.aborted && !(err instanceof ResponseTooLargeError))
                throw expired();
            throw err;
        }
    }
    finally {
        clearTimeout(timer);
    }
}
let proxyChecked = false;
/**
 * Self-hosted runners behind a proxy set HTTPS_PROXY; `@actions/core`'s OIDC client honoured
 * it, and Node's fetch does only when told to. Node 24 can be told at run time.
 */
function useEnvProxy() {
    if (proxyChecked)
        return;
    proxyChecked = true;
    const env = process.env;
    const set = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((n) => env[n]);
    const enable = (node_http__WEBPACK_IMPORTED_MODULE_0___default().setGlobalProxyFromEnv);
    try {
        if (set && typeof enable === 'function')
            enable();
    }
    catch {
        // A malformed proxy URL: the request then fails as it would without this, and says where.
    }
}
async function readCapped(res, opts, url) {
    if (!res.body)
        return Buffer.alloc(0);
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > opts.maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(opts, url, `more than ${opts.maxBytes} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}
function tooLarge(opts, url, size) {
    return new ResponseTooLargeError(`${opts.what} from ${url} is ${size}; at most ${formatBytes(opts.maxBytes)} is accepted, so it was refused unread.`);
}
function formatBytes(n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / (1024 * 1024)} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
/** A JSON object from a bounded body, or a message saying what came instead. */
function jsonObject(body, what, url) {
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new Error(`${what} from ${url} is not JSON.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${what} from ${url} is not a JSON object.`);
    return parsed;
}


/***/ }),

/***/ 1120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDecision: () => (/* binding */ renderDecision),
/* harmony export */   renderNoPolicy: () => (/* binding */ renderNoPolicy),
/* harmony export */   renderPolicyFailure: () => (/* binding */ renderPolicyFailure)
/* harmony export */ });
/* harmony import */ var _runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3321);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5432);


/** A few lines of markdown for the job summary: the verdict, the rule or why none matched, the digest. */
function renderDecision(decision, warnings = []) {
    const r = decision.record;
    const digest = typeof r['policyDigest'] === 'string' ? r['policyDigest'] : '';
    const path = typeof r['policyPath'] === 'string' ? r['policyPath'] : 'policy';
    // The source is one of our own modes; anything else (a tampered record) is not shown.
    const mode = typeof r['policySource'] === 'string' ? r['policySource'] : '';
    const source = /^[a-z-]{1,20}$/.test(mode) ? ` (${mode})` : '';
    const lines = [];
    if (decision.allowed) {
        const ceiling = decision.maxDuration !== undefined ? `, max ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(decision.maxDuration)}` : '';
        lines.push(`**Policy: allowed** by rule ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(decision.rule ?? '?')}${ceiling} · ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(path)}${source} ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(digest)}`);
        for (const reason of decision.reasons)
            lines.push(`- ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reason)}`);
    }
    else {
        lines.push(`**Policy: denied**, no rule allows this request · ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(path)}${source} ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(digest)}`);
        const shown = decision.reasons.slice(0, 10);
        for (const reason of shown)
            lines.push(`- ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reason)}`);
        if (decision.reasons.length > shown.length)
            lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
    }
    for (const w of warnings)
        lines.push(`- ⚠️ ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(w)}`);
    return lines.join('\n') + '\n';
}
/** No policy file on the trusted ref: said as plainly as a decision, so a reviewer sees it. */
function renderNoPolicy(location, source, warnings) {
    const lines = [
        `**Policy: none** at ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(location)} (${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(source)}): the cloud's trust configuration alone decided.`,
    ];
    for (const w of warnings)
        if (!w.startsWith('No policy file'))
            lines.push(`- ⚠️ ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(w)}`);
    return lines.join('\n') + '\n';
}
/** The policy could not be read or was refused before a decision: the grant was refused. */
function renderPolicyFailure(message) {
    return `**Policy: not applied**, so nothing was asked of the cloud: ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(message.split('\n')[0])}\n`;
}


/***/ }),

/***/ 3254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i4: () => (/* binding */ verifyGitHubToken)
/* harmony export */ });
/* unused harmony exports TokenRejectedError, MAX_DOCUMENT_BYTES, clearKeyCache */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4490);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1196);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7961);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5674);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6687);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8856);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1819);






/** The OIDC token failed verification; `reason` says which check, the message says what it means. */
class TokenRejectedError extends Error {
    reason;
    name = 'TokenRejectedError';
    constructor(message, reason, options) {
        super(message, options);
        this.reason = reason;
    }
}
/** GitHub's tokens are RS256 only; anything else offered is refused before any key is tried. */
const ALGORITHMS = ['RS256'];
/** Small: runner clocks are NTP-synced, and GitHub already backdates `nbf` by ten minutes. */
const CLOCK_TOLERANCE_SECONDS = 10;
/** Keys are re-read after this even within a job, and at once when a token names an unknown kid. */
const CACHE_MAX_AGE_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
/**
 * GitHub's discovery document is under 2 KB and its JWKS under 10 KB; a megabyte leaves room
 * for any honest issuer and keeps a hostile one from filling memory or the job's cache.
 */
const MAX_DOCUMENT_BYTES = 1024 * 1024;
const memory = new Map();
/** Forget the in-process copy (tests and the benchmark measure the cold and the disk-cached paths). */
function clearKeyCache() {
    memory.clear();
}
/**
 * Verifies a GitHub Actions OIDC token: RS256 signature against the issuer's JWKS, `iss`,
 * `aud`, `exp`, `nbf`. Returns the claims. Discovery and JWKS are fetched once and kept in
 * `cacheDir`, so the later steps of a job reuse them; an unknown `kid` (key rotation) causes
 * one refetch.
 */
async function verifyGitHubToken(token, opts) {
    const issuer = (0,_issuer_js__WEBPACK_IMPORTED_MODULE_4__/* .checkIssuer */ .oP)(opts.issuer);
    const { alg, kid } = precheck(token, issuer);
    if (!ALGORITHMS.includes(alg)) {
        throw new TokenRejectedError(`The OIDC token is signed with '${alg}'; only ${ALGORITHMS.join(', ')} is accepted, as GitHub signs them. The token was not issued by GitHub Actions.`, 'algorithm');
    }
    const now = opts.now ?? new Date();
    const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
    let keys = await keysFor(issuer, opts.cacheDir, now, false, timeoutMs);
    if (kid !== undefined &&
        !hasKid(keys.entry.jwks, kid) &&
        keys.entry.fetchedAt < now.getTime() - 1000) {
        keys = await keysFor(issuer, opts.cacheDir, now, true, timeoutMs);
    }
    try {
        const { payload } = await (0,jose__WEBPACK_IMPORTED_MODULE_5__/* .jwtVerify */ .V)(token, keys.keySet, {
            issuer,
            audience: opts.audience,
            algorithms: ALGORITHMS,
            clockTolerance: CLOCK_TOLERANCE_SECONDS,
            currentDate: now,
            requiredClaims: ['exp', 'iat', 'sub'],
        });
        return payload;
    }
    catch (err) {
        throw explain(err, issuer, opts.audience, now, keys.entry.jwksUri);
    }
}
function precheck(token, issuer) {
    let header;
    let payload;
    try {
        header = (0,jose__WEBPACK_IMPORTED_MODULE_6__/* .decodeProtectedHeader */ ._)(token);
        payload = (0,jose__WEBPACK_IMPORTED_MODULE_7__/* .decodeJwt */ .i)(token);
    }
    catch (err) {
        throw new TokenRejectedError('The OIDC token is not a well-formed JWT.', 'malformed', {
            cause: err,
        });
    }
    // Said before the signature check: a token from another issuer would otherwise read as "forged".
    if (payload.iss !== issuer) {
        throw new TokenRejectedError(`The OIDC token was issued by '${String(payload.iss)}', but the policy trusts '${issuer}'. ` +
            `If this job runs on GitHub Enterprise Server or uses an enterprise issuer, set the 'oidc-issuer' input to '${String(payload.iss)}'.`, 'issuer');
    }
    return { alg: String(header.alg), kid: typeof header.kid === 'string' ? header.kid : undefined };
}
function hasKid(jwks, kid) {
    return jwks.keys.some((k) => k.kid === kid);
}
function explain(err, issuer, audience, now, jwksUri) {
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWTExpired */ .n) {
        return new TokenRejectedError(`The OIDC token expired at ${expiry(err.payload)} (now ${now.toISOString()}): GitHub tokens live 5 minutes; mint a fresh one for each exchange.`, 'expired', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWTClaimValidationFailed */ .ie) {
        if (err.claim === 'nbf' || err.claim === 'iat') {
            return new TokenRejectedError(`The OIDC token is not valid yet ('${err.claim}' is in the future at ${now.toISOString()}): check the runner's clock.`, 'not-yet-valid', { cause: err });
        }
        if (err.claim === 'aud') {
            return new TokenRejectedError(`The OIDC token's audience is ${JSON.stringify(err.payload.aud)}, not '${audience}': request the token with the provider's audience (or fix the 'audience' input).`, 'audience', { cause: err });
        }
        if (err.claim === 'iss') {
            return new TokenRejectedError(`The OIDC token was not issued by '${issuer}'.`, 'issuer', {
                cause: err,
            });
        }
        return new TokenRejectedError(`The OIDC token lacks or has a bad '${err.claim}' claim: ${err.message}.`, 'malformed', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JOSEAlgNotAllowed */ .Rb) {
        return new TokenRejectedError(`The OIDC token's algorithm is not allowed: only RS256 is accepted.`, 'algorithm', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWKSNoMatchingKey */ .BT || err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWKSMultipleMatchingKeys */ .$4) {
        return new TokenRejectedError(`No key in ${jwksUri} matches the OIDC token's key id: the token was not signed by ${issuer}.`, 'unknown-key', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWSSignatureVerificationFailed */ .h2) {
        return new TokenRejectedError(`The OIDC token's signature does not verify against ${issuer}'s keys: the token is forged or altered. Nothing was issued.`, 'signature', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JOSEError */ .i4) {
        return new TokenRejectedError(`The OIDC token was refused: ${err.message}.`, 'malformed', {
            cause: err,
        });
    }
    return err instanceof Error ? err : new Error(String(err));
}
function expiry(payload) {
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : '?';
}
async function keysFor(issuer, cacheDir, now, force, timeoutMs) {
    const fresh = (e) => e.issuer === issuer &&
        now.getTime() - e.fetchedAt < CACHE_MAX_AGE_MS &&
        e.fetchedAt <= now.getTime() + 60_000;
    if (!force) {
        const hit = memory.get(issuer);
        if (hit && fresh(hit.entry))
            return hit;
        const onDisk = cacheDir ? await readCache(cacheFile(cacheDir, issuer)) : undefined;
        if (onDisk && fresh(onDisk)) {
            const loaded = { entry: onDisk, keySet: (0,jose__WEBPACK_IMPORTED_MODULE_9__/* .createLocalJWKSet */ .w)(onDisk.jwks) };
            memory.set(issuer, loaded);
            return loaded;
        }
    }
    const entry = await fetchKeys(issuer, now, timeoutMs);
    if (cacheDir)
        await writeCache(cacheDir, cacheFile(cacheDir, issuer), entry);
    const loaded = { entry, keySet: (0,jose__WEBPACK_IMPORTED_MODULE_9__/* .createLocalJWKSet */ .w)(entry.jwks) };
    memory.set(issuer, loaded);
    return loaded;
}
function cacheFile(dir, issuer) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `oidc-keys-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(issuer).digest('hex').slice(0, 16)}.json`);
}
async function readCache(path) {
    try {
        // Any step of the job can write here: read no more than a real cache entry can be.
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
        let text;
        try {
            const buf = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
            const { bytesRead } = await file.read(buf, 0, buf.length, 0);
            if (bytesRead > MAX_DOCUMENT_BYTES)
                return undefined;
            text = buf.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await file.close();
        }
        const parsed = JSON.parse(text);
        if (typeof parsed.issuer === 'string' &&
            typeof parsed.fetchedAt === 'number' &&
            Array.isArray(parsed.jwks?.keys))
            return parsed;
    }
    catch {
        // Missing or torn (two steps writing at once): fetch again.
    }
    return undefined;
}
async function writeCache(dir, path, entry) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    // Written whole then renamed, so a concurrent reader never sees half a file.
    const tmp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, JSON.stringify(entry), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, path);
}
async function getJson(url, what, timeoutMs) {
    const label = `The OIDC ${what}`;
    let res;
    try {
        res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedGet */ ._1)(url, {
            headers: { accept: 'application/json' },
            timeoutMs,
            maxBytes: MAX_DOCUMENT_BYTES,
            what: label,
        });
    }
    catch (err) {
        throw new Error(`Could not fetch the OIDC ${what} from ${url}: ${err.message}`, {
            cause: err,
        });
    }
    if (res.status !== 200)
        throw new Error(`Could not fetch the OIDC ${what} from ${url}: HTTP ${res.status}.`);
    return (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonObject */ .o$)(res.body, label, url);
}
async function fetchKeys(issuer, now, timeoutMs) {
    const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
    const discovery = await getJson(discoveryUrl, 'discovery document', timeoutMs);
    if (discovery['issuer'] !== issuer) {
        throw new Error(`The discovery document at ${discoveryUrl} names issuer '${String(discovery['issuer'])}', not '${issuer}': check the 'oidc-issuer' input.`);
    }
    const jwksUri = (0,_issuer_js__WEBPACK_IMPORTED_MODULE_4__/* .checkFetchUrl */ .mh)(discovery['jwks_uri'], 'jwks_uri');
    const jwks = await getJson(jwksUri, 'JWKS', timeoutMs);
    if (!Array.isArray(jwks['keys']))
        throw new Error(`The JWKS at ${jwksUri} has no 'keys' list.`);
    return { issuer, jwksUri, jwks: jwks, fetchedAt: now.getTime() };
}


/***/ }),

/***/ 9545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ loadProvider),
/* harmony export */   MI: () => (/* binding */ handleString),
/* harmony export */   NO: () => (/* binding */ PROVIDER_IDS),
/* harmony export */   cE: () => (/* binding */ DELIVERY_MODES),
/* harmony export */   iL: () => (/* binding */ optionalHandleString),
/* harmony export */   oh: () => (/* binding */ handleObject),
/* harmony export */   w0: () => (/* binding */ expiryClose)
/* harmony export */ });
const PROVIDER_IDS = ['aws', 'azure', 'gcp'];
/** The one list of delivery modes: inputs, policy rules and the CLI all check against it. */
const DELIVERY_MODES = ['run', 'env', 'outputs'];
async function loadProvider(id) {
    // Lazy, so that an AWS step never loads the Azure or Google SDKs.
    switch (id) {
        case 'aws':
            return (await __webpack_require__.e(/* import() */ 140).then(__webpack_require__.bind(__webpack_require__, 9140))).awsProvider;
        case 'azure':
            return (await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(603)]).then(__webpack_require__.bind(__webpack_require__, 3603))).azureProvider;
        case 'gcp':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(927)]).then(__webpack_require__.bind(__webpack_require__, 8927))).gcpProvider;
    }
}
/** For expiry-only closes: whether the credential is already dead or will be at a known time. */
function expiryClose(ctx, why) {
    const expired = ctx.expiresAt.getTime() <= ctx.now.getTime();
    return { method: expired ? 'expired' : 'expires', verified: false, note: why };
}
/** A close handle from the ledger is untrusted input: its fields are checked one by one. */
function handleObject(raw, provider) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new Error(`the ${provider} close handle is not an object`);
    }
    return raw;
}
function handleString(h, key, pattern) {
    const v = h[key];
    if (typeof v !== 'string' || (pattern && !pattern.test(v))) {
        throw new Error(`the close handle's '${key}' is missing or malformed`);
    }
    return v;
}
function optionalHandleString(h, key, pattern) {
    return h[key] === undefined || h[key] === null ? undefined : handleString(h, key, pattern);
}


/***/ }),

/***/ 7252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ httpTimeoutMs),
/* harmony export */   TX: () => (/* binding */ isNetworkError),
/* harmony export */   bD: () => (/* binding */ withRetry)
/* harmony export */ });
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Retries only what another attempt can fix (throttling, 5xx, network), with full-jitter
 * exponential backoff and no sleep after the last attempt. Anything else, a denial above
 * all, fails at once: the peer action retries a trust-policy denial for ~159 s.
 */
async function withRetry(fn, options) {
    const sleep = options.sleep ?? realSleep;
    const random = options.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= options.attempts || !options.isRetryable(err))
                throw err;
            const delay = Math.round(random() * options.baseDelayMs * 2 ** (attempt - 1));
            options.onRetry?.(err, attempt, delay);
            await sleep(delay);
        }
    }
}
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** A network failure or timeout, in the shapes Node, undici and the SDKs' HTTP handlers throw. */
function isNetworkError(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (e.code && NETWORK_CODES.has(e.code))
        return true;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return true;
    return e.cause !== undefined && e.cause !== err && isNetworkError(e.cause);
}
/**
 * Per-request timeout for every cloud call: JIT_CREDENTIALS_HTTP_TIMEOUT_MS, else 5 s. Tests
 * shorten it; slow proxies lengthen it.
 */
function httpTimeoutMs(env) {
    const v = Number(env['JIT_CREDENTIALS_HTTP_TIMEOUT_MS']);
    return Number.isFinite(v) && v > 0 ? v : 5000;
}


/***/ }),

/***/ 3321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/**
 * Values from outside (token claims such as branch names, cloud errors, the ledger, workflow
 * files) made inert for the job summary, which GitHub renders as GitHub Flavored Markdown with
 * some HTML. A branch may be named `<h1>x</h1>`, `a|b` or `` `x` ``: shown, it must read as
 * exactly that text, stay inside its table cell, and make no HTML, link, image or formatting.
 */
/** Long enough for a cloud's explanation; a padded ledger value cannot fill the 1 MiB summary. */
const MAX_CHARS = 4000;
// Line breaks end a table row (and any other construct); other control characters have no
// business in a reviewer's record.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /\r\n|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
// Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
// that can start something: code spans, emphasis, strikethrough, links and images, table cells,
// headings and math. `_`, and the `:` and `.` of extended autolinks, are handled apart.
const ESCAPED = new Set(['\\', '`', '*', '~', '[', ']', '(', ')', '!', '#', '|', '$']);
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const alnum = (c) => c !== undefined && /[A-Za-z0-9]/.test(c);
/**
 * Inline Markdown text that renders as `value` itself, anywhere in a line (a table cell, a list
 * item, a heading): `&<>"` become entities, Markdown punctuation is backslash-escaped, line breaks
 * become spaces. `_` between two letters or digits (`event_name`) cannot delimit emphasis and is
 * left as it is, so that identifiers stay readable in the raw file; `@` is left too (a mention in
 * a job summary notifies no one). Over MAX_CHARS characters, the value is cut and says so.
 */
function mdText(value) {
    const whole = String(value).replace(BREAKS, ' ');
    const text = whole.slice(0, MAX_CHARS);
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (ENTITIES[c])
            out += ENTITIES[c];
        else if (ESCAPED.has(c))
            out += `\\${c}`;
        else if (c === '_' && !(alnum(text[i - 1]) && alnum(text[i + 1])))
            out += '\\_';
        // `https://` and `www.` start extended autolinks; an escape inside them breaks the match.
        else if (c === ':' && text[i + 1] === '/')
            out += '\\:';
        else if (c === '.' && /www$/i.test(text.slice(Math.max(0, i - 3), i)))
            out += '\\.';
        else
            out += c;
    }
    return whole.length > MAX_CHARS ? `${out}… (${whole.length} characters)` : out;
}
/**
 * The value in code style. A Markdown code span cannot hold every value safely inside a table (a
 * backslash before `|` would show), so this is the HTML element around the escaped text.
 */
function mdCode(value) {
    return `<code>${mdText(value)}</code>`;
}
/**
 * Text inside a raw HTML block (`<details><summary>…</summary>`), where Markdown is not parsed
 * and backslash escapes would show: entities only.
 */
function htmlText(value) {
    return String(value)
        .replace(BREAKS, ' ')
        .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, encodeBase64, encoder, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   fV: () => (/* binding */ isJwkSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertNotSet, assertUint8Array, serializeJoseHeader, validateCritDuplicates */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode)
/* harmony export */ });
/* unused harmony export encode */
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}



/***/ }),

/***/ 7961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ JWKSMultipleMatchingKeys),
/* harmony export */   BT: () => (/* binding */ JWKSNoMatchingKey),
/* harmony export */   Dm: () => (/* binding */ JWKSInvalid),
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   i4: () => (/* binding */ JOSEError),
/* harmony export */   ie: () => (/* binding */ JWTClaimValidationFailed),
/* harmony export */   n: () => (/* binding */ JWTExpired)
/* harmony export */ });
/* unused harmony exports JWEDecryptionFailed, JWEInvalid, JWKInvalid, JWKSTimeout */
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

};

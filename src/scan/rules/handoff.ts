import { expressionsIn } from '../expressions.js';
import type { Model } from '../workflow.js';
import type { RuleContext } from './context.js';

const WHOLE_SECRETS_HINT = /secrets(?!\s*[.[\w])/i;

export interface HandoffOptions {
  /**
   * For a local reusable workflow: does it use long-lived keys? undefined when it cannot be read,
   * or when all it does is pass secrets on to a callee that cannot be read either.
   */
  localWorkflowUsesKeys?: (uses: string) => boolean | undefined;
}

/** Keys handed on wholesale: `secrets: inherit` (JIT106) and `toJSON(secrets)` (JIT107). */
export function checkHandoff(ctx: RuleContext, model: Model, opts: HandoffOptions = {}): void {
  if (model.kind === 'workflow') {
    for (const job of model.jobs) {
      if (!job.secretsInherit || !job.uses) continue;
      const local = job.uses.startsWith('./') ? opts.localWorkflowUsesKeys?.(job.uses) : undefined;
      if (local === false) continue;
      const message =
        local === true
          ? `Job '${job.id}' hands every secret to ${job.uses}, which uses long-lived cloud keys.`
          : `Job '${job.id}' hands every secret, cloud keys included, to ${job.uses}, whose use of them cannot be checked from here.`;
      ctx.report('JIT106', job.secretsInherit.loc, message, {
        severity: local === true ? 'high' : undefined,
        uncertain: local !== true,
      });
    }
  }
  if (!WHOLE_SECRETS_HINT.test(ctx.src.text)) return;
  const lines = ctx.src.lines;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    // Only a `secrets` not followed by `.` or `[` can be the whole context.
    if (!text.includes('${{') || !WHOLE_SECRETS_HINT.test(text) || text.trimStart().startsWith('#'))
      continue;
    for (const span of expressionsIn(text)) {
      // `toJSON(secrets) != '{}'` is a boolean: only a value that carries the secrets counts.
      if (!span.flows.some((r) => r.context === 'secrets' && r.whole)) continue;
      ctx.report(
        'JIT107',
        { line: i + 1, column: span.start + 1, endLine: i + 1, endColumn: span.end + 1 },
        `\`${span.source}\` hands every secret the job can see, cloud keys included, to one value.`,
      );
    }
  }
}

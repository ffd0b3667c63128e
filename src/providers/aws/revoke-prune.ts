import { errorMessage } from '../../errors.js';
import {
  iamPolicySize,
  isInert,
  parsePolicy,
  REVOKE_POLICY_PREFIX,
  revokePolicyEnd,
  type InlineUsage,
} from './revoke-policy.js';
import { iamErrorName, isAccessDenied, type RevokerIam } from './revoke-iam.js';

/** Expired revocations deleted per close at most: every close does its share, none takes long. */
const MAX_DELETES_PER_CLOSE = 25;

export interface PruneResult {
  /** Policies this close deleted (their sessions had expired by IAM's clock). */
  readonly dropped: number;
  /** Per-session revocations still on the role after pruning, this one included; unknown when unlisted. */
  readonly live: number | undefined;
  /** Why pruning did not (fully) run, with what to allow; the deny itself is unaffected. */
  readonly problem?: string;
}

/**
 * Deletes the per-session revocations whose sessions have expired, judged by IAM's clock
 * (the Date of its answers), never the runner's. The name's end picks the candidates; the
 * document, read just before, decides: only a policy whose every statement has ended is
 * deleted, so a live session's deny is never touched, whoever named it what. Policies of
 * any other name, the earlier versions' shared one included, are left alone.
 */
export async function pruneExpired(
  iam: RevokerIam,
  roleArn: string,
  /** This close's own policy: counted live whether or not it is written yet. */
  own: string,
): Promise<PruneResult> {
  let names: string[];
  try {
    names = await iam.list();
  } catch (err) {
    return {
      dropped: 0,
      live: undefined,
      problem: pruneProblem('iam:ListRolePolicies', roleArn, err),
    };
  }
  const ours = [
    ...new Set([...names.filter((name) => name.startsWith(REVOKE_POLICY_PREFIX)), own]),
  ];
  const now = iam.serverNow();
  if (now === undefined) {
    return { dropped: 0, live: ours.length, problem: "IAM's answers carried no Date" };
  }
  const candidates = ours
    .filter((name) => name !== own && (revokePolicyEnd(name) ?? Infinity) < now)
    .slice(0, MAX_DELETES_PER_CLOSE);
  let dropped = 0;
  let gone = 0;
  for (const name of candidates) {
    let action = 'iam:GetRolePolicy';
    try {
      const text = await iam.get(name);
      const doc = parsePolicy(text);
      if (text === undefined) gone++;
      else if (doc && isInert(doc, iam.serverNow() ?? now)) {
        action = 'iam:DeleteRolePolicy';
        if (await iam.delete(name)) dropped++;
        else gone++;
      }
    } catch (err) {
      return {
        dropped,
        live: ours.length - dropped - gone,
        problem: pruneProblem(action, roleArn, err),
      };
    }
  }
  return { dropped, live: ours.length - dropped - gone };
}

function pruneProblem(action: string, roleArn: string, err: unknown): string {
  const name = iamErrorName(err);
  return isAccessDenied(err)
    ? `expired revocations were not deleted: IAM refused ${action} on ${roleArn} for the revoker (allow it ${action} on that role, or its 10,240 characters of inline policies fill up)`
    : `expired revocations were not deleted: ${name || 'Error'}: ${errorMessage(err)}`;
}

/**
 * Every inline policy of the role with its size, for the message when IAM says the role is
 * full: only on that path, since it reads every policy. Undefined when the revoker may not
 * list or read them.
 */
export async function inlineUsage(iam: RevokerIam): Promise<InlineUsage | undefined> {
  try {
    const names = await iam.list();
    const policies: Array<{ name: string; size: number; inert: boolean }> = [];
    for (const name of names) {
      const text = await iam.get(name);
      const doc = parsePolicy(text);
      const now = iam.serverNow();
      policies.push({
        name,
        size: text === undefined ? 0 : iamPolicySize(text),
        inert: !!doc && now !== undefined && isInert(doc, now),
      });
    }
    return { policies, total: policies.reduce((sum, p) => sum + p.size, 0) };
  } catch {
    return undefined;
  }
}

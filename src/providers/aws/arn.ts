/**
 * The one shape of an IAM role ARN, for inputs, policy rules and close handles alike: the
 * partition, a 12-digit account (captured), an optional path, and a name of at most 64 of
 * IAM's characters.
 */
export const ROLE_ARN =
  /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** Managed policy ARNs (session policies): an account's own, or AWS's. */
export const POLICY_ARN =
  /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:iam::(?:\d{12}|aws):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;

/** The account id of a role ARN, or undefined when it is not one. */
export function roleAccount(arn: string): string | undefined {
  return ROLE_ARN.exec(arn)?.[1];
}

/**
 * A mistake the user can fix by changing an input, the policy or a cloud's trust
 * configuration. Kept apart from bugs so that the message is shown as-is, without a
 * stack, and so that reporting can say "change this" rather than "this broke".
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** A cloud refused or failed a request; the message already says what to fix. */
export class CloudError extends Error {
  override name = 'CloudError';
  constructor(
    message: string,
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A revocation the cloud did not take (the deny could not be written, or did not stay): the
 * session is still accepted until `sessionExpiresAt`. The close must fail and say
 * "not revoked — expires <time>", never "revoked"; the message says what to fix.
 */
export class RevocationError extends CloudError {
  override name = 'RevocationError';
  constructor(
    message: string,
    /** When the cloud refuses the session anyway (its STS expiry). */
    readonly sessionExpiresAt: Date,
    options?: { cause?: unknown },
  ) {
    super(message, false, options);
  }
}

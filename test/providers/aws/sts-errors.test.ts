import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { CloudError, ConfigurationError } from '../../../src/errors.ts';
import { isRetryableStsError, translateStsError } from '../../../src/providers/aws/sts.ts';
import type { AwsSettings } from '../../../src/providers/aws/settings.ts';

const settings = {
  role: 'arn:aws:iam::123456789012:role/deploy',
  region: 'eu-west-1',
  stsDuration: 3600,
  audience: 'sts.amazonaws.com',
  endpoint: undefined,
} as unknown as AwsSettings;

const token = await new SignJWT({
  sub: 'repo:acme/site:ref:refs/heads/dev',
  aud: 'sts.amazonaws.com',
  ref: 'refs/heads/dev',
})
  .setProtectedHeader({ alg: 'HS256' })
  .sign(new TextEncoder().encode('k'.repeat(32)));

const sdkError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('translateStsError', () => {
  it.each([
    [
      'AccessDenied',
      CloudError,
      /trust policy did not accept this workflow's token. Its claims: sub="repo:acme\/site:ref:refs\/heads\/dev", aud="sts.amazonaws.com", ref="refs\/heads\/dev", environment=\(none\)/,
    ],
    [
      'InvalidIdentityTokenException',
      CloudError,
      /needs an IAM OIDC identity provider for the token's issuer with 'sts.amazonaws.com'/,
    ],
    ['ExpiredTokenException', CloudError, /runner's clock/],
    ['MalformedPolicyDocumentException', ConfigurationError, /Fix 'session-policy'/],
    ['PackedPolicyTooLargeException', ConfigurationError, /too large once STS packs it/],
  ])('%s says what to change', (name, type, message) => {
    const err = translateStsError(sdkError(name, 'from STS'), settings, token);
    expect(err).toBeInstanceOf(type);
    expect(err.message).toMatch(message);
    expect(err.message).toContain('sts.eu-west-1.amazonaws.com');
    expect(err.message).not.toContain(token);
  });
  it('a duration above the role maximum names both fixes', () => {
    const err = translateStsError(
      sdkError(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      ),
      settings,
      token,
    );
    expect(err.message).toMatch(
      /Lower 'duration' \(asked 3600 s\) or raise the role's MaxSessionDuration/,
    );
  });
  it('a truncated answer is called what it is', () => {
    const err = translateStsError(
      sdkError('Error', '@aws-sdk XML parse error: missing closing tag </AccessKeyId>.', 200),
      settings,
      token,
    );
    expect(err.message).toMatch(/not STS XML/);
  });
});

describe('isRetryableStsError', () => {
  it.each([
    [sdkError('Throttling', 'Rate exceeded'), true],
    [sdkError('IDPCommunicationErrorException', 'x'), true],
    [sdkError('InternalFailure', 'x', 500), true],
    [sdkError('Unknown', 'x', 503), true],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    [sdkError('AccessDenied', 'x', 403), false],
    [sdkError('InvalidIdentityTokenException', 'x'), false],
    [sdkError('Error', '@aws-sdk XML parse error: x', 500), false],
  ])('%o → %s', (err, expected) => {
    expect(isRetryableStsError(err)).toBe(expected);
  });
});

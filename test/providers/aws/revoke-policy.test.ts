import { describe, expect, it } from 'vitest';
import {
  budgetAdvice,
  deniesSession,
  iamPolicySize,
  isInert,
  LEGACY_POLICY_NAME,
  parsePolicy,
  revokePolicyEnd,
  revokePolicyName,
  ROLE_INLINE_POLICY_LIMIT,
  sessionDeny,
  sessionDenyDocument,
  statementEnd,
  type Statement,
} from '../../../src/providers/aws/revoke-policy.ts';

const T0 = Date.parse('2026-11-23T18:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const ID = 'AROAABCDEFGHIJKLMNOPQ:gh.1234567890.1.deploy.deploy.0a1b2c3d4e';

describe('per-session revocation policies', () => {
  it('names each revocation after its grant and its end, as IAM allows', () => {
    expect(revokePolicyName('aws-0a1b2c3d4e', at(900))).toBe(
      'jit-revoke.aws-0a1b2c3d4e.20261123T181500Z',
    );
    // A fraction of a second rounds up: the name never claims an end before the session's.
    expect(revokePolicyName('aws-0a1b2c3d4e', new Date(T0 + 900_001))).toBe(
      'jit-revoke.aws-0a1b2c3d4e.20261123T181501Z',
    );
    expect(revokePolicyName('aws-0a1b2c3d4e', at(0))).toMatch(/^[\w+=,.@-]{1,128}$/);
    expect(revokePolicyEnd('jit-revoke.aws-0a1b2c3d4e.20261123T181500Z')).toBe(at(900).getTime());
    for (const other of [
      LEGACY_POLICY_NAME,
      'jit-revoke.aws-1',
      'jit-revoke.aws-1.2026-11-23T18:15:00Z',
      'admin',
    ]) {
      expect(revokePolicyEnd(other)).toBeUndefined();
    }
    expect(() => revokePolicyName('aws-0a1b/../x', at(0))).toThrow(/cannot name an IAM policy/);
    expect(() => revokePolicyName('', at(0))).toThrow(/cannot name an IAM policy/);
  });

  it('denies everything to one session until its expiry, in a document of its own', () => {
    expect(sessionDeny('AROAEXAMPLE:gh.1', at(900))).toEqual({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:userid': 'AROAEXAMPLE:gh.1' },
        DateLessThan: { 'aws:CurrentTime': '2026-11-23T18:15:00Z' },
      },
    });
    expect(JSON.parse(sessionDenyDocument('AROAEXAMPLE:gh.1', at(900)))).toEqual({
      Version: '2012-10-17',
      Statement: [sessionDeny('AROAEXAMPLE:gh.1', at(900))],
    });
  });

  it.each([
    [{ DateLessThan: { 'aws:CurrentTime': '2026-11-23T18:15:00Z' } }, at(900).getTime()],
    [{ DateLessThanEquals: { 'AWS:currenttime': '2026-11-23T18:15:00Z' } }, at(900).getTime()],
    [
      { DateLessThan: { 'aws:CurrentTime': ['2026-11-23T18:15:00Z', '2026-11-23T18:30:00Z'] } },
      at(1800).getTime(),
    ],
    [{ DateLessThan: { 'aws:CurrentTime': String(T0 / 1000 + 60) } }, at(60).getTime()],
    [{ DateLessThan: { 'aws:CurrentTime': 'not a date' } }, undefined],
    [{ DateGreaterThan: { 'aws:CurrentTime': '2026-11-23T18:15:00Z' } }, undefined],
    [{ StringEquals: { 'aws:userid': 'x' } }, undefined],
    [undefined, undefined],
  ])('finds when %j stops applying', (condition, end) => {
    expect(
      statementEnd({ Effect: 'Deny', ...(condition ? { Condition: condition } : {}) } as Statement),
    ).toBe(end);
  });

  it('a document is inert only when every statement in it has ended', () => {
    const admin: Statement = { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' };
    const one = { Version: '2012-10-17', Statement: [sessionDeny('AROA:a', at(100))] };
    expect(isInert(one, at(99).getTime())).toBe(false);
    expect(isInert(one, at(100).getTime())).toBe(false); // not before IAM's clock is past it
    expect(isInert(one, at(100).getTime() + 1)).toBe(true);
    const mixed = { ...one, Statement: [...one.Statement, admin] };
    expect(isInert(mixed, at(10_000).getTime())).toBe(false);
    const two = {
      ...one,
      Statement: [sessionDeny('AROA:a', at(100)), sessionDeny('AROA:b', at(200))],
    };
    expect(isInert(two, at(150).getTime())).toBe(false);
    expect(isInert(two, at(201).getTime())).toBe(true);
  });

  it('reads what IAM returns, and tells a document that still denies the session from one that does not', () => {
    const text = sessionDenyDocument(ID, at(900));
    expect(deniesSession(parsePolicy(text), ID, at(900))).toBe(true);
    expect(deniesSession(parsePolicy(text), `${ID}x`, at(900))).toBe(false);
    // Shortened, or a different session: not the deny this close wrote.
    expect(deniesSession(parsePolicy(sessionDenyDocument(ID, at(60))), ID, at(900))).toBe(false);
    expect(deniesSession(undefined, ID, at(900))).toBe(false);
    const single = JSON.stringify({ Version: '2012-10-17', Statement: sessionDeny(ID, at(900)) });
    expect(deniesSession(parsePolicy(single), ID, at(900))).toBe(true);
    expect(parsePolicy('{oops')).toBeUndefined();
    expect(parsePolicy('{"Version":"2012-10-17"}')).toBeUndefined();
    expect(parsePolicy('{"Statement":[1]}')).toBeUndefined();
  });

  it('counts size as IAM does; a realistic revocation is ~200 characters: a role holds a few dozen live ones', () => {
    const text = sessionDenyDocument(ID, at(0));
    expect(iamPolicySize(JSON.stringify(JSON.parse(text), null, 4))).toBe(iamPolicySize(text));
    expect(iamPolicySize(' { "a" : 1 } ')).toBe('{"a":1}'.length);
    const size = iamPolicySize(text);
    expect(size).toBeGreaterThan(150);
    expect(size).toBeLessThan(260);
    const perRole = Math.floor(ROLE_INLINE_POLICY_LIMIT / size);
    expect(perRole).toBeGreaterThan(35);
  });

  it('says what uses the budget and what to do when the role is full', () => {
    const advice = budgetAdvice(ROLE, 231, {
      total: 10_123,
      policies: [
        { name: 'jit-revoke.aws-1.20261123T181500Z', size: 230, inert: false },
        { name: 'jit-revoke.aws-2.20261123T181600Z', size: 230, inert: false },
        { name: LEGACY_POLICY_NAME, size: 1_200, inert: true },
        { name: 'admin-extra', size: 8_463, inert: false },
      ],
    });
    expect(advice).toMatch(
      /^the inline policies of arn:aws:iam::123456789012:role\/deploy use 10,123 of 10,240 characters, and this deny needs 231 more\./,
    );
    expect(advice).toMatch(/2 are live revocations of jit-credentials \(460 characters\)/);
    expect(advice).toMatch(
      /'jit-credentials-revoked' \(1,200 characters, written by an earlier version\) is inert.*aws iam delete-role-policy --role-name deploy --policy-name jit-credentials-revoked/,
    );
    expect(advice).toMatch(/Other inline policies: admin-extra \(8,463\)\./);
    expect(advice).toMatch(/Delete stale inline policies from .*deploy or move them into managed/);
    expect(budgetAdvice(ROLE, 231, undefined)).toMatch(/the revoker could not list them/);
  });
});

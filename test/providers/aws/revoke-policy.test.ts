import { describe, expect, it } from 'vitest';
import {
  checkSize,
  iamPolicySize,
  parseRevokeDocument,
  pruneExpired,
  revokeSid,
  ROLE_INLINE_POLICY_LIMIT,
  serialize,
  sessionDeny,
  statementEnd,
  withStatement,
  type Statement,
} from '../../../src/providers/aws/revoke-policy.ts';

const T0 = Date.parse('2026-11-23T18:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const ROLE = 'arn:aws:iam::123456789012:role/deploy';

describe('revocation policy document', () => {
  it('names each grant with an IAM-valid Sid', () => {
    expect(revokeSid('aws-0a1b2c3d4e')).toBe('JitRevokeaws0a1b2c3d4e');
    expect(revokeSid('aws-0a1b2c3d4e')).toMatch(/^[0-9A-Za-z]+$/);
    expect(revokeSid('aws-0a1b2c3d4e')).not.toBe(revokeSid('aws-0a1b2c3d4f'));
  });

  it('denies everything to one session until its expiry', () => {
    expect(sessionDeny('S', 'AROAEXAMPLE:gh.1', at(900))).toEqual({
      Sid: 'S',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:userid': 'AROAEXAMPLE:gh.1' },
        DateLessThan: { 'aws:CurrentTime': '2026-11-23T18:15:00.000Z' },
      },
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

  it('prunes only statements whose end has passed, whoever wrote them, and keeps the rest in order', () => {
    const admin: Statement = {
      Sid: 'AdminForever',
      Effect: 'Deny',
      Action: 's3:DeleteBucket',
      Resource: '*',
    };
    const doc = {
      Version: '2012-10-17',
      Statement: [
        sessionDeny('A', 'AROA:a', at(100)),
        admin,
        sessionDeny('B', 'AROA:b', at(200)),
        sessionDeny('C', 'AROA:c', at(300)),
      ],
    };
    expect(pruneExpired(doc, at(99).getTime()).dropped).toBe(0);
    // At exactly the end, DateLessThan no longer holds: the statement is inert.
    const { doc: pruned, dropped } = pruneExpired(doc, at(200).getTime());
    expect(dropped).toBe(2);
    expect(pruned.Statement.map((s) => s.Sid)).toEqual(['AdminForever', 'C']);
    expect(doc.Statement).toHaveLength(4); // the input is left as it was
  });

  it('adds a session, and replaces it when the same grant is closed again', () => {
    let doc = parseRevokeDocument(undefined);
    expect(doc).toEqual({ Version: '2012-10-17', Statement: [] });
    doc = withStatement(doc, sessionDeny('A', 'AROA:a', at(100)));
    doc = withStatement(doc, sessionDeny('B', 'AROA:b', at(100)));
    doc = withStatement(doc, sessionDeny('A', 'AROA:a', at(500)));
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['B', 'A']);
    expect(statementEnd(doc.Statement[1]!)).toBe(at(500).getTime());
  });

  it('reads what IAM returns: one statement as an object, and refuses what is not a policy', () => {
    const one = parseRevokeDocument(
      JSON.stringify({ Version: '2012-10-17', Statement: sessionDeny('A', 'AROA:a', at(1)) }),
    );
    expect(one.Statement).toHaveLength(1);
    expect(() => parseRevokeDocument('{oops')).toThrow(/is not JSON; delete it/);
    expect(() => parseRevokeDocument('{"Version":"2012-10-17"}')).toThrow(/has no Statement/);
  });

  it('counts size as IAM does (whitespace excluded) and refuses a document over 10,240 characters with advice', () => {
    const text = serialize({
      Version: '2012-10-17',
      Statement: [sessionDeny('A', 'AROA:a', at(1))],
    });
    expect(iamPolicySize(JSON.stringify(JSON.parse(text), null, 4))).toBe(iamPolicySize(text));
    expect(iamPolicySize(' { "a" : 1 } ')).toBe('{"a":1}'.length);

    const one = iamPolicySize(
      JSON.stringify(
        sessionDeny(
          'JitRevokeaws0a1b2c3d4e',
          'AROAABCDEFGHIJKLMNOPQ:gh.1234567890.1.deploy.deploy',
          at(0),
        ),
      ),
    );
    let n = 0;
    const statements: Statement[] = [];
    for (;;) {
      statements.push(
        sessionDeny(
          `JitRevokeaws${String(n).padStart(10, '0')}`,
          'AROAABCDEFGHIJKLMNOPQ:gh.1234567890.1.deploy.deploy',
          at(n),
        ),
      );
      const t = serialize({ Version: '2012-10-17', Statement: statements });
      if (iamPolicySize(t) > ROLE_INLINE_POLICY_LIMIT) {
        expect(() => checkSize(t, ROLE, n)).toThrow(
          new RegExp(
            `would be ${iamPolicySize(t)} characters.*${ROLE} together.*already holds ${n} revoked sessions.*shorten 'duration'`,
            's',
          ),
        );
        break;
      }
      expect(() => checkSize(t, ROLE, n)).not.toThrow();
      n++;
    }
    // A realistic entry is ~200 characters: a role holds a few dozen live revocations.
    expect(one).toBeGreaterThan(150);
    expect(n).toBeGreaterThan(30);
    expect(n).toBeLessThan(ROLE_INLINE_POLICY_LIMIT / 150);
  });
});

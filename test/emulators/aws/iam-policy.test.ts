import { describe, expect, it } from 'vitest';
import {
  denialMessage,
  evaluate,
  policyProblem,
  wildcardMatch,
  type PolicyStatement,
  type RequestContext,
} from './iam-policy.ts';

const T0 = '2026-11-23T18:00:00Z';
const ctx = (
  over: Partial<RequestContext> = {},
  keys: RequestContext['keys'] = {},
): RequestContext => ({
  action: 's3:PutObject',
  resource: 'arn:aws:s3:::site/a/b.txt',
  keys: {
    'aws:CurrentTime': T0,
    'aws:userid': 'AROAEXAMPLE123456789:gha-1',
    'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/deploy',
    'aws:TokenIssueTime': '2026-11-23T17:55:00Z',
    ...keys,
  },
  ...over,
});
const allowAll: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('wildcards', () => {
  it.each([
    ['s3:*', 's3:PutObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['arn:aws:s3:::site/*', 'arn:aws:s3:::site/a/b', true],
    ['arn:aws:s3:::site/?', 'arn:aws:s3:::site/ab', false],
    ['arn:aws:s3:::site/a?', 'arn:aws:s3:::site/ab', true],
    ['arn:aws:s3:::si.e', 'arn:aws:s3:::site', false],
    ['a+b', 'a+b', true],
  ])('%s ~ %s → %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});

describe('evaluate', () => {
  const cases: [
    string,
    PolicyStatement[],
    PolicyStatement[] | undefined,
    RequestContext,
    string,
  ][] = [
    ['allowed by the role', [allowAll], undefined, ctx(), 'allow'],
    ['nothing allows', [], undefined, ctx(), 'implicit-deny:identity'],
    [
      'actions match case-insensitively',
      [{ Effect: 'Allow', Action: 'S3:putobject', Resource: '*' }],
      undefined,
      ctx(),
      'allow',
    ],
    [
      'resources match case-sensitively',
      [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::SITE/*' }],
      undefined,
      ctx(),
      'implicit-deny:identity',
    ],
    [
      'NotAction allows the rest',
      [{ Effect: 'Allow', NotAction: 's3:Delete*', Resource: '*' }],
      undefined,
      ctx(),
      'allow',
    ],
    [
      'NotAction excludes',
      [{ Effect: 'Allow', NotAction: ['s3:Put*'], Resource: '*' }],
      undefined,
      ctx(),
      'implicit-deny:identity',
    ],
    [
      'NotResource excludes',
      [{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::site/*' }],
      undefined,
      ctx(),
      'implicit-deny:identity',
    ],
    [
      'explicit deny in the role wins',
      [allowAll, { Effect: 'Deny', Action: 's3:*', Resource: '*' }],
      [allowAll],
      ctx(),
      'explicit-deny:identity',
    ],
    [
      'explicit deny in the session wins',
      [allowAll],
      [allowAll, { Effect: 'Deny', Action: '*', Resource: '*' }],
      ctx(),
      'explicit-deny:session',
    ],
    [
      'session must allow too',
      [allowAll],
      [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      ctx(),
      'implicit-deny:session',
    ],
    [
      'a session cannot widen the role',
      [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      [allowAll],
      ctx(),
      'implicit-deny:identity',
    ],
  ];
  it.each(cases)('%s', (_label, identity, session, request, expected) => {
    const d = evaluate({ identity, session }, request);
    const got =
      d.effect === 'allow'
        ? 'allow'
        : d.effect === 'explicit-deny'
          ? `explicit-deny:${d.by}`
          : `implicit-deny:${d.missing}`;
    expect(got).toBe(expected);
  });
});

describe('conditions', () => {
  const window = (op: string, value: string, key = 'aws:CurrentTime'): PolicyStatement[] => [
    allowAll,
    { Effect: 'Deny', Action: '*', Resource: '*', Condition: { [op]: { [key]: value } } },
  ];
  const denied = (statements: PolicyStatement[], keys: RequestContext['keys'] = {}) =>
    evaluate({ identity: [allowAll], session: statements }, ctx({}, keys)).effect ===
    'explicit-deny';

  it.each([
    ['DateGreaterThan', '2026-11-23T17:59:59Z', true],
    ['DateGreaterThan', T0, false],
    ['DateGreaterThanEquals', T0, true],
    ['DateLessThan', '2026-11-23T18:00:01Z', true],
    ['DateLessThan', T0, false],
    ['DateLessThanEquals', T0, true],
    ['DateGreaterThan', String(Date.parse(T0) / 1000 - 1), true], // epoch seconds are dates too
  ])('%s %s on aws:CurrentTime → deny %s', (op, value, expected) => {
    expect(denied(window(op, value))).toBe(expected);
  });

  it('DateLessThan on aws:TokenIssueTime denies sessions issued before the cut-off', () => {
    expect(denied(window('DateLessThan', '2026-11-23T17:56:00Z', 'aws:TokenIssueTime'))).toBe(true);
    expect(denied(window('DateLessThan', '2026-11-23T17:54:00Z', 'aws:TokenIssueTime'))).toBe(
      false,
    );
  });

  it.each([
    ['StringEquals', 'aws:userid', 'AROAEXAMPLE123456789:gha-1', true],
    ['StringEquals', 'aws:userid', 'AROAEXAMPLE123456789:gha-2', false],
    ['StringLike', 'aws:userid', 'AROAEXAMPLE123456789:*', true],
    ['StringNotEquals', 'aws:userid', 'AROAEXAMPLE123456789:gha-1', false],
    ['StringNotEquals', 'aws:userid', 'someone-else', true],
    ['StringEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/deploy', true],
    ['StringLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/dep?oy', true],
    ['stringequals', 'AWS:USERID', 'AROAEXAMPLE123456789:gha-1', false], // operators are case-sensitive, keys are not
    ['StringEquals', 'AWS:USERID', 'AROAEXAMPLE123456789:gha-1', true],
  ])('%s %s %s → deny %s', (op, key, value, expected) => {
    expect(denied(window(op, value, key))).toBe(expected);
  });

  it('ORs the values of one key and ANDs keys and operators', () => {
    const s = (condition: PolicyStatement['Condition']): PolicyStatement[] => [
      allowAll,
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition },
    ];
    expect(denied(s({ StringEquals: { 'aws:userid': ['x', 'AROAEXAMPLE123456789:gha-1'] } }))).toBe(
      true,
    );
    expect(
      denied(
        s({
          StringEquals: { 'aws:userid': 'AROAEXAMPLE123456789:gha-1', 'aws:PrincipalArn': 'other' },
        }),
      ),
    ).toBe(false);
    expect(
      denied(
        s({
          StringEquals: { 'aws:userid': 'AROAEXAMPLE123456789:gha-1' },
          DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
        }),
      ),
    ).toBe(false);
  });

  it('treats a missing key as not matching, except for negated operators and IfExists', () => {
    expect(denied(window('StringEquals', 'x', 'aws:SourceIp'))).toBe(false);
    expect(denied(window('StringNotEquals', 'x', 'aws:SourceIp'))).toBe(true);
    expect(denied(window('StringEqualsIfExists', 'x', 'aws:SourceIp'))).toBe(true);
  });
});

describe('messages as AWS words them', () => {
  const principal = 'arn:aws:sts::123456789012:assumed-role/deploy/gha-1';
  it.each([
    [
      { effect: 'explicit-deny', by: 'session', sid: undefined } as const,
      'with an explicit deny in a session policy',
    ],
    [
      { effect: 'explicit-deny', by: 'identity', sid: undefined } as const,
      'with an explicit deny in an identity-based policy',
    ],
    [
      { effect: 'implicit-deny', missing: 'identity' } as const,
      'because no identity-based policy allows the s3:PutObject action',
    ],
    [
      { effect: 'implicit-deny', missing: 'session' } as const,
      'because no session policy allows the s3:PutObject action',
    ],
  ])('%j', (decision, tail) => {
    expect(denialMessage(principal, ctx(), decision)).toBe(
      `User: ${principal} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::site/a/b.txt" ${tail}`,
    );
  });
});

describe('policyProblem', () => {
  it.each([
    [{ Statement: [allowAll] }, undefined],
    [{ Statement: allowAll }, undefined],
    [[], /not a JSON object/],
    [{}, /no Statement/],
    [{ Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] }, /invalid Effect/],
    [{ Statement: [{ Effect: 'Allow', Resource: '*' }] }, /Action or NotAction/],
    [{ Statement: [{ Effect: 'Allow', Action: '*' }] }, /Resource or NotResource/],
    [{ Statement: [{ ...allowAll, Principal: '*' }] }, /Principal/],
    [
      { Statement: [{ ...allowAll, Condition: { DateAfter: { 'aws:CurrentTime': T0 } } }] },
      /unknown condition operator 'DateAfter'/,
    ],
    [{ Version: '2020-01-01', Statement: [allowAll] }, /Version/],
  ])('%j', (doc, expected) => {
    const problem = policyProblem(doc);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

/**
 * The clouds' own evaluation of an exported trust configuration, written apart from
 * src/policy/export: AWS conditions (the emulator's wildcard match), Entra's subjects, and
 * Google's CEL `matches()` as an RE2 search, so that a test can ask whether the cloud would
 * accept a token the policy refuses.
 */
import { RE2JS } from 're2js';
import { wildcardMatch } from '../emulators/aws/iam-policy.ts';

export const HOST = 'token.actions.githubusercontent.com';

/** AWS trust policy evaluation for AssumeRoleWithWebIdentity: statements OR, operators/keys AND, values OR. */
export function awsAllows(doc: any, claims: Record<string, string | undefined>): boolean {
  return doc.Statement.some(
    (st: any) =>
      st.Effect === 'Allow' &&
      Object.entries(st.Condition as Record<string, Record<string, string | string[]>>).every(
        ([op, keys]) =>
          Object.entries(keys).every(([key, want]) => {
            const value = claims[key.slice(HOST.length + 1)];
            if (value === undefined) return false;
            const list = Array.isArray(want) ? want : [want];
            if (op === 'StringEquals') return list.includes(value);
            if (op === 'StringLike') return list.some((p) => wildcardMatch(p, value));
            throw new Error(`operator ${op}`);
          }),
      ),
  );
}

/** Entra: exact subject, or flexible `claims['x'] matches 'p' and ...` with * and ? wildcards. */
export function azureAllows(creds: any[], claims: Record<string, string | undefined>): boolean {
  return creds.some((c) => {
    if (!c.audiences.includes(claims['aud'])) return false;
    if (c.subject !== undefined) return c.subject === claims['sub'];
    return (c.claimsMatchingExpression.value as string).split(' and ').every((term) => {
      const m = /^claims\['([a-z_]+)'\] matches '([^']*)'$/.exec(term)!;
      const v = claims[m[1]!];
      return v !== undefined && wildcardMatch(m[2]!, v);
    });
  });
}

/** CEL, the subset the export writes (==, in [...], .matches() as an RE2 search, &&, ||, ()). */
export function celAllows(expr: string, claims: Record<string, string | undefined>): boolean {
  const tokens = expr.match(
    /'(?:[^'\\]|\\.)*'|&&|\|\||==|\bin\b|\.matches\(|[()[\],]|assertion\.[a-z_]+|true/g,
  )!;
  if (tokens.join('').replace(/\s/g, '') !== expr.replace(/\s/g, '')) throw new Error('lex');
  let i = 0;
  const str = (t: string) => t.slice(1, -1).replace(/\\(.)/g, '$1');
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === '||') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = atom();
    while (tokens[i] === '&&') {
      i++;
      const r = atom();
      v = v && r;
    }
    return v;
  };
  const atom = (): boolean => {
    const t = tokens[i++]!;
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === 'true') return true;
    const value = claims[t.replace('assertion.', '')];
    const op = tokens[i++];
    if (op === '==') return value === str(tokens[i++]!);
    if (op === 'in') {
      i++;
      const list: string[] = [];
      while (tokens[i] !== ']') {
        if (tokens[i] !== ',') list.push(str(tokens[i]!));
        i++;
      }
      i++;
      return value !== undefined && list.includes(value);
    }
    if (op === '.matches(') {
      const re = RE2JS.compile(str(tokens[i++]!));
      i++;
      return value !== undefined && re.matcher(value).find();
    }
    throw new Error(`unexpected token ${op}`);
  };
  return or();
}

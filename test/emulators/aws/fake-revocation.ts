/**
 * What a proxy of an attacker's own (an earlier step exports `http(s)_proxy` through GITHUB_ENV
 * and leaves it running) can answer for a revocation it sees: PutRolePolicy "done" without
 * forwarding it, the kept document on GetRolePolicy, and the explicit deny the probe looks for on
 * GetAccessKeyInfo. Everything else goes to AWS, so the answers look real. Plain http here; for
 * AWS's own https endpoints the same step would export NODE_EXTRA_CA_CERTS with its own CA.
 */
import type { InterceptedRequest, ProxyAnswer } from '../proxy.ts';
import { IAM_XMLNS, stsErrorXml, xmlDocument } from './xml.ts';

export interface FakeRevocation {
  readonly intercept: (request: InterceptedRequest) => ProxyAnswer | undefined;
  /** The actions the proxy answered itself, in order. */
  readonly faked: string[];
}

export function fakeRevocation(): FakeRevocation {
  const docs = new Map<string, string>();
  const faked: string[] = [];
  const xml = (status: number, body: string): ProxyAnswer => ({
    status,
    headers: { 'content-type': 'text/xml' },
    body,
  });
  return {
    faked,
    intercept({ body }) {
      const p = new URLSearchParams(body.toString());
      const action = p.get('Action') ?? '';
      const name = p.get('PolicyName') ?? '';
      if (action === 'PutRolePolicy') {
        docs.set(name, p.get('PolicyDocument') ?? '');
        faked.push(action);
        return xml(
          200,
          xmlDocument('PutRolePolicyResponse', { ResponseMetadata: { RequestId: 'r' } }, IAM_XMLNS),
        );
      }
      if (action === 'GetRolePolicy' && docs.has(name)) {
        faked.push(action);
        return xml(
          200,
          xmlDocument(
            'GetRolePolicyResponse',
            {
              GetRolePolicyResult: {
                RoleName: p.get('RoleName') ?? '',
                PolicyName: name,
                PolicyDocument: encodeURIComponent(docs.get(name)!),
              },
              ResponseMetadata: { RequestId: 'r' },
            },
            IAM_XMLNS,
          ),
        );
      }
      if (action === 'GetAccessKeyInfo') {
        faked.push(action);
        return xml(
          403,
          stsErrorXml(
            'Sender',
            'AccessDenied',
            'User: x is not authorized to perform: sts:GetAccessKeyInfo with an explicit deny in an identity-based policy',
            'r',
          ),
        );
      }
      return undefined;
    },
  };
}

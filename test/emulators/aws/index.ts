/**
 * AWS emulator: STS and a small S3 on one loopback endpoint, verifying what the real services
 * verify.
 *
 *   const aws = await startAwsEmulator({
 *     clock,                                   // test/emulators/clock.ts
 *     issuer: oidc.url,                        // discovery + JWKS fetched over HTTP, cached
 *     roles: {
 *       'arn:aws:iam::123456789012:role/deploy': {
 *         trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] }, // StringLike, any of
 *         maxSessionDuration: 3600,
 *         permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
 *       },
 *     },
 *     buckets: ['site'],
 *   });
 *   new STSClient({ endpoint: aws.url, region: 'us-east-1' });   // or AWS_ENDPOINT_URL_STS=aws.url
 *
 * STS vs S3 is told apart by the SigV4 credential scope's service, else by an `Action` form
 * parameter (unsigned AssumeRoleWithWebIdentity). STS: AssumeRoleWithWebIdentity (unsigned;
 * token signature, iss, exp/nbf by the emulator clock, trust aud/sub, the real limits and error
 * codes), AssumeRole (signed by an issued session: role chaining, sts-assume-role.ts) and
 * GetCallerIdentity (signed, needs no permission). S3, path style: ListBuckets,
 * ListObjects v1/v2, Put/Get/Head/DeleteObject, each authorised by iam-policy.ts against the
 * role's permissions, its inline policies and the session policy.
 *
 * IAM (signed, service `iam`): GetRolePolicy, PutRolePolicy, ListRolePolicies, DeleteRolePolicy on
 * the account's roles, authorised like S3 (`iam:PutRolePolicy` on the target role's ARN), with IAM's errors
 * (NoSuchEntity, AccessDenied, MalformedPolicyDocument, LimitExceeded at 10,240 characters of
 * a role's inline policies). A write is read back at once and in force after
 * `iamPropagationSeconds` of the emulator clock (0 unless set), like IAM's propagation. STS also
 * answers GetAccessKeyInfo, which needs `sts:GetAccessKeyInfo`: a probe that an explicit deny refuses.
 *
 * Handles for tests:
 *   aws.requests   every request answered: time, method, path, service, action, key id, status, code
 *   aws.issued     every credential handed out, secrets included (leak canaries)
 *   aws.faults     aws.faults.add('throttle' | 'status500' | 'hang' | 'reset' | 'malformed', n, 'sts' | 's3' | 'iam')
 *                  (next n calls to that service; STS by default; answered in its XML format)
 *   aws.putRolePolicy(roleArn, name, doc) / aws.deleteRolePolicy(roleArn, name)
 *                  an admin's inline policy (e.g. deny aws:userid), applied to every later call
 *   aws.getRolePolicy(roleArn, name)   the inline policy's text, as GetRolePolicy would return it
 *   aws.listRolePolicies(roleArn)      the role's inline policy names, sorted
 *   aws.iamPropagationSeconds          settable delay of IAM writes made over HTTP
 *   aws.holdIam('GetRolePolicy', 8)    keep the next 8 answers of that action back until all 8 have
 *                                      arrived (each answered as the role was on arrival), then send them;
 *                                      `'on-release'` answers them as the role is when they are let go
 *   aws.buckets    the S3 contents (Map of bucket → objects)
 *   aws.close()
 *
 * Signature checks: header and presigned forms; hex SHA-256, UNSIGNED-PAYLOAD and aws-chunked
 * (signed chunks, or unsigned with trailers) bodies. Order: key, signature, session token,
 * expiry by the emulator clock, then clock skew (±maxSkewSeconds, default 300, of the clock).
 * Responses carry `Date` from the emulator clock, so SDKs correct their own skew from it.
 */
import type { Clock } from '../clock.ts';
import {
  startServer,
  type EmulatorRequest,
  type FaultKind,
  type Reply as HttpReply,
} from '../http.ts';
import { AuthFailure, authenticate, type AwsService } from './auth.ts';
import { AwsFaultQueue, serviceOf, type AwsFaultKind } from './faults.ts';
import { IamHolds, type IamHold } from './iam-hold.ts';
import { handleIamAction } from './iam.ts';
import { denialMessage, evaluate, type PolicyDocument, type RequestContext } from './iam-policy.ts';
import { S3Failure, S3Store, type Reply, type S3Bucket } from './s3.ts';
import { parseSigV4, SigV4Error, splitUrl, type RawRequest, type SigV4Auth } from './sigv4.ts';
import {
  accountOf,
  identityStatements,
  roleState,
  writeRolePolicy,
  type IssuedCredential,
  type RoleConfig,
  type RoleState,
} from './state.ts';
import {
  assumeRoleWithWebIdentity,
  getCallerIdentityXml,
  PACKED_POLICY_LIMIT_BYTES,
} from './sts.ts';
import { assumeRoleChained } from './sts-assume-role.ts';
import { StsFault, WebIdentityVerifier } from './web-identity.ts';
import {
  hostId,
  IAM_XMLNS,
  newRequestId,
  S3_XMLNS,
  s3ErrorXml,
  STS_XMLNS,
  stsErrorXml,
  xmlDocument,
  type XmlNode,
} from './xml.ts';

export type { AwsFaultKind } from './faults.ts';
export type { IamHold } from './iam-hold.ts';
export type { PolicyDocument, PolicyStatement } from './iam-policy.ts';
export type { ClockLike, IssuedCredential, RoleConfig } from './state.ts';

export interface AwsEmulatorOptions {
  /** The shared test clock: every expiry, token time and policy date is read from it. */
  clock: Clock;
  /** The OIDC issuer URL; tokens must carry exactly this `iss`. */
  issuer: string;
  roles: Record<string, RoleConfig>;
  /** Defaults to the account of the first role ARN, else 123456789012. */
  accountId?: string;
  buckets?: string[];
  /** Managed policies a caller may pass as PolicyArns, by ARN. */
  managedPolicies?: Record<string, PolicyDocument>;
  maxSkewSeconds?: number;
  packedPolicyLimitBytes?: number;
  /** Seconds of the emulator clock before an IAM PutRolePolicy/DeleteRolePolicy is in force (0). */
  iamPropagationSeconds?: number;
  /** Serve https with this key and certificate (as real AWS does; http otherwise). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface AwsRequestRecord {
  /** Emulator clock time the request arrived. */
  at: Date;
  method: string;
  path: string;
  service: AwsService | 'unknown';
  /** STS Action, or the S3 operation's IAM action once authorised. */
  action: string | undefined;
  accessKeyId: string | undefined;
  status: number;
  code: string | undefined;
  fault: AwsFaultKind | undefined;
  /** How the body was signed: a hex SHA-256 ('sha256'), or x-amz-content-sha256's mode name. */
  payloadSigning: string | undefined;
}

export interface AwsEmulator {
  url: string;
  accountId: string;
  requests: AwsRequestRecord[];
  /** Client ports of the connections accepted (see ../http.ts). */
  connections: number[];
  issued: IssuedCredential[];
  faults: AwsFaultQueue;
  buckets: Map<string, S3Bucket>;
  putRolePolicy(roleArn: string, name: string, doc: PolicyDocument): void;
  deleteRolePolicy(roleArn: string, name: string): void;
  /** The inline policy's text as IAM would return it, or undefined. */
  getRolePolicy(roleArn: string, name: string): string | undefined;
  /** The role's inline policy names, sorted as ListRolePolicies gives them. */
  listRolePolicies(roleArn: string): string[];
  /** Delay of IAM writes made over HTTP, in emulator seconds; settable between calls. */
  iamPropagationSeconds: number;
  /**
   * Keeps back the answers of the next `count` calls of an IAM action until all have arrived,
   * then sends them together (iam-hold.ts): concurrent readers and writers, lined up exactly.
   */
  holdIam(action: string, count: number, answer?: 'on-arrival' | 'on-release'): IamHold;
  close(): Promise<void>;
}

/**
 * The request as SigV4 needs it. http.ts hands over a parsed URL and Node's merged headers;
 * the path and query stay percent-encoded in URL's pathname/search, and repeated headers come
 * back comma-joined, which is how SigV4 joins them anyway.
 */
function rawRequest(req: EmulatorRequest): RawRequest {
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    rawHeaders.push(name, Array.isArray(value) ? value.join(',') : value);
  }
  return { method: req.method, url: `${req.url.pathname}${req.url.search}`, rawHeaders };
}

function payloadSigning(req: EmulatorRequest): string | undefined {
  const declared = req.headers['x-amz-content-sha256'];
  if (typeof declared !== 'string') return req.headers.authorization ? 'sha256' : undefined;
  return /^[0-9a-f]{64}$/.test(declared) ? 'sha256' : declared;
}

function isForm(req: RawRequest): boolean {
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === 'content-type') {
      return req.rawHeaders[i + 1]!.toLowerCase().startsWith('application/x-www-form-urlencoded');
    }
  }
  return false;
}

/** Query-protocol parameters: the form body, plus the URL query (presigned or GET calls). */
function queryProtocolParams(req: RawRequest, body: Buffer): URLSearchParams {
  const params = new URLSearchParams(splitUrl(req.url).query);
  if (isForm(req))
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v);
  return params;
}

export async function startAwsEmulator(options: AwsEmulatorOptions): Promise<AwsEmulator> {
  const { clock } = options;
  const roleArns = Object.keys(options.roles);
  const accountId = options.accountId ?? (roleArns[0] && accountOf(roleArns[0])) ?? '123456789012';
  const roles = new Map<string, RoleState>(
    roleArns.map((arn) => [arn, roleState(arn, options.roles[arn]!)]),
  );
  const managed = new Map(Object.entries(options.managedPolicies ?? {}));
  const verifier = new WebIdentityVerifier(options.issuer, clock);
  const sessions = new Map<string, IssuedCredential>();
  const issued: IssuedCredential[] = [];
  const requests: AwsRequestRecord[] = [];
  const s3 = new S3Store(options.buckets ?? [], clock.now());
  const maxSkewSeconds = options.maxSkewSeconds ?? 300;
  let propagationSeconds = options.iamPropagationSeconds ?? 0;
  const holds = new IamHolds();

  function roleOf(session: IssuedCredential): RoleState {
    const role = roles.get(session.roleArn);
    if (!role) throw new Error(`AWS emulator: role ${session.roleArn} vanished`);
    return role;
  }

  /** Adds what every AWS answer carries: the emulator clock's Date (SDKs fix their skew from it) and a request id. */
  function finish(
    reply: Reply,
    record: AwsRequestRecord,
    requestId: string,
    service: AwsService,
  ): HttpReply {
    record.status = reply.status;
    record.code =
      reply.status >= 300 ? /<Code>([^<]+)<\/Code>/.exec(String(reply.body))?.[1] : undefined;
    const headers: Record<string, string> = { ...reply.headers, date: clock.now().toUTCString() };
    if (service === 's3') {
      headers['x-amz-request-id'] = requestId;
      headers['x-amz-id-2'] = hostId();
      headers.server = 'AmazonS3';
    } else {
      headers['x-amzn-requestid'] = requestId;
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
    if (headers['content-length'] === undefined) headers['content-length'] = String(body.length);
    return { status: reply.status, headers, body };
  }

  function stsError(
    status: number,
    type: 'Sender' | 'Receiver',
    code: string,
    message: string,
    requestId: string,
    xmlns = STS_XMLNS,
  ): Reply {
    return {
      status,
      headers: { 'content-type': 'text/xml' },
      body: stsErrorXml(type, code, message, requestId, xmlns),
    };
  }

  /** Condition keys of a call made with an issued session, at the emulator clock's now. */
  function requestContext(
    session: IssuedCredential,
    action: string,
    resource: string,
  ): RequestContext {
    const now = clock.now();
    return {
      action,
      resource,
      keys: {
        'aws:CurrentTime': now.toISOString(),
        'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
        'aws:userid': session.assumedRoleId,
        'aws:PrincipalArn': session.roleArn,
        'aws:PrincipalAccount': accountId,
        'aws:TokenIssueTime': session.issuedAt.toISOString(),
        'aws:SecureTransport': 'false',
      },
    };
  }

  /** The IAM evaluation every signed call goes through: role policies in force now, then the session's. */
  function authorizeSession(
    session: IssuedCredential,
    action: string,
    resource: string,
  ): string | undefined {
    const request = requestContext(session, action, resource);
    const identity = identityStatements(roleOf(session), clock.nowMs());
    const decision = evaluate({ identity, session: session.sessionPolicies }, request);
    return decision.effect === 'allow' ? undefined : denialMessage(session.arn, request, decision);
  }

  function s3Error(
    status: number,
    code: string,
    message: string,
    requestId: string,
    extra: XmlNode = {},
  ): Reply {
    return {
      status,
      headers: { 'content-type': 'application/xml' },
      body: s3ErrorXml(code, message, requestId, extra),
    };
  }

  /** The fault answered in the service's own format; undefined lets http.ts cut (reset) or stall (hang) it. */
  function faultReply(
    kind: AwsFaultKind,
    service: AwsService,
    requestId: string,
  ): Reply | undefined {
    const error = (status: number, type: 'Sender' | 'Receiver', code: string, message: string) =>
      service === 's3'
        ? s3Error(status, code, message, requestId)
        : stsError(
            status,
            type,
            code,
            message,
            requestId,
            service === 'iam' ? IAM_XMLNS : STS_XMLNS,
          );
    switch (kind) {
      case 'throttle':
        return service !== 's3'
          ? error(400, 'Sender', 'Throttling', 'Rate exceeded')
          : error(503, 'Receiver', 'SlowDown', 'Please reduce your request rate.');
      case 'status500':
        return service === 'iam'
          ? error(500, 'Receiver', 'ServiceFailure', 'Service Failure')
          : service === 'sts'
            ? error(500, 'Receiver', 'InternalFailure', 'An internal error occurred. Try again.')
            : error(
                500,
                'Receiver',
                'InternalError',
                'We encountered an internal error. Please try again.',
              );
      case 'malformed':
        // A reply cut off mid-document, as a broken proxy or a dropped connection leaves it.
        return {
          status: 200,
          headers: { 'content-type': service !== 's3' ? 'text/xml' : 'application/xml' },
          body:
            service !== 's3'
              ? `<AssumeRoleWithWebIdentityResponse xmlns="${STS_XMLNS}"><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>`
              : `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="${S3_XMLNS}"><Name>`,
        };
      default:
        return undefined;
    }
  }

  async function handleSts(
    raw: RawRequest,
    auth: SigV4Auth | undefined,
    body: Buffer,
    record: AwsRequestRecord,
    requestId: string,
  ): Promise<Reply> {
    const params = queryProtocolParams(raw, body);
    const action = params.get('Action') ?? undefined;
    record.action = action;
    try {
      if (action === 'AssumeRoleWithWebIdentity') {
        const { xml, credential } = await assumeRoleWithWebIdentity(
          params,
          {
            clock,
            verifier,
            account: accountId,
            roles,
            managedPolicies: managed,
            packedPolicyLimit: options.packedPolicyLimitBytes ?? PACKED_POLICY_LIMIT_BYTES,
          },
          requestId,
        );
        sessions.set(credential.accessKeyId, credential);
        issued.push(credential);
        return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml };
      }
      if (!auth) {
        return stsError(
          403,
          'Sender',
          'MissingAuthenticationToken',
          'Request is missing Authentication Token',
          requestId,
        );
      }
      const { session } = authenticate('sts', raw, auth, body, { clock, sessions, maxSkewSeconds });
      if (action === 'AssumeRole') {
        const { xml, credential } = assumeRoleChained(
          params,
          session,
          {
            clock,
            account: accountId,
            roles,
            managedPolicies: managed,
            packedPolicyLimit: options.packedPolicyLimitBytes ?? PACKED_POLICY_LIMIT_BYTES,
            authorize: authorizeSession,
          },
          requestId,
        );
        sessions.set(credential.accessKeyId, credential);
        issued.push(credential);
        return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml };
      }
      if (action === 'GetCallerIdentity') {
        // Needs no permission: it answers even under an explicit deny, as the real one does.
        return {
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: getCallerIdentityXml(session, accountId, requestId),
        };
      }
      if (action === 'GetAccessKeyInfo') {
        // Needs sts:GetAccessKeyInfo, so an explicit deny of the session refuses it: a revocation probe.
        const denied = authorizeSession(session, 'sts:GetAccessKeyInfo', '*');
        if (denied) return stsError(403, 'Sender', 'AccessDenied', denied, requestId);
        const keyId = params.get('AccessKeyId') ?? '';
        if (!/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(keyId)) {
          return stsError(
            400,
            'Sender',
            'ValidationError',
            `1 validation error detected: Value '${keyId}' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16`,
            requestId,
          );
        }
        return {
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: xmlDocument(
            'GetAccessKeyInfoResponse',
            {
              GetAccessKeyInfoResult: { Account: accountId },
              ResponseMetadata: { RequestId: requestId },
            },
            STS_XMLNS,
          ),
        };
      }
      if (action === undefined) {
        return stsError(400, 'Sender', 'MissingAction', 'Missing Action', requestId);
      }
      return stsError(
        400,
        'Sender',
        'InvalidAction',
        `Could not find operation ${action} for version 2011-06-15`,
        requestId,
      );
    } catch (err) {
      if (err instanceof StsFault)
        return stsError(err.status, err.type, err.code, err.message, requestId);
      if (err instanceof AuthFailure)
        return stsError(err.status, 'Sender', err.code, err.message, requestId);
      throw err;
    }
  }

  function handleS3(
    raw: RawRequest,
    auth: SigV4Auth | undefined,
    body: Buffer,
    record: AwsRequestRecord,
    requestId: string,
  ): Reply {
    try {
      if (!auth) {
        return s3Error(403, 'AccessDenied', 'Access Denied', requestId);
      }
      const { session, payload } = authenticate('s3', raw, auth, body, {
        clock,
        sessions,
        maxSkewSeconds,
      });
      const now = clock.now();
      return s3.handle({
        req: raw,
        payload,
        now,
        authorize(action, resource) {
          record.action = action;
          const denied = authorizeSession(session, action, resource);
          if (denied) throw new S3Failure('AccessDenied', denied, 403);
        },
      });
    } catch (err) {
      if (err instanceof AuthFailure || err instanceof S3Failure) {
        return s3Error(err.status, err.code, err.message, requestId, err.extra);
      }
      throw err;
    }
  }

  function handleIam(
    raw: RawRequest,
    auth: SigV4Auth | undefined,
    body: Buffer,
    record: AwsRequestRecord,
    requestId: string,
  ): Reply {
    const params = queryProtocolParams(raw, body);
    const action = params.get('Action') ?? undefined;
    record.action = action;
    const iamError = (status: number, code: string, message: string) =>
      stsError(status, status >= 500 ? 'Receiver' : 'Sender', code, message, requestId, IAM_XMLNS);
    try {
      if (!auth) {
        return iamError(
          403,
          'MissingAuthenticationToken',
          'Request is missing Authentication Token',
        );
      }
      const { session } = authenticate('iam', raw, auth, body, { clock, sessions, maxSkewSeconds });
      const xml = handleIamAction(
        action,
        params,
        {
          nowMs: clock.nowMs(),
          roles,
          account: accountId,
          propagationMs: propagationSeconds * 1000,
          authorize(iamAction, resource) {
            const denied = authorizeSession(session, iamAction, resource);
            if (denied) throw new StsFault('AccessDenied', denied, 403);
          },
        },
        requestId,
      );
      return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml };
    } catch (err) {
      if (err instanceof StsFault || err instanceof AuthFailure) {
        return iamError(err.status, err.code, err.message);
      }
      throw err;
    }
  }

  function newRecord(req: EmulatorRequest, service: AwsService | 'unknown'): AwsRequestRecord {
    const record: AwsRequestRecord = {
      at: clock.now(),
      method: req.method,
      path: req.path,
      service,
      action: undefined,
      accessKeyId: undefined,
      status: 0,
      code: undefined,
      fault: undefined,
      payloadSigning: payloadSigning(req),
    };
    requests.push(record);
    return record;
  }

  async function dispatch(req: EmulatorRequest): Promise<HttpReply> {
    const requestId = newRequestId();
    const raw = rawRequest(req);
    const body = req.rawBody;
    let auth: SigV4Auth | undefined;
    let malformed: SigV4Error | undefined;
    try {
      auth = parseSigV4(raw);
    } catch (err) {
      if (!(err instanceof SigV4Error)) throw err;
      malformed = err;
    }
    const service: AwsService = serviceOf(req);
    const record = newRecord(
      req,
      auth && auth.service !== 'sts' && auth.service !== 's3' && auth.service !== 'iam'
        ? 'unknown'
        : service,
    );
    record.accessKeyId = auth?.accessKeyId;

    let reply: Reply;
    if (malformed) {
      reply =
        service === 's3'
          ? s3Error(400, 'AuthorizationHeaderMalformed', malformed.message, requestId)
          : stsError(
              400,
              'Sender',
              'IncompleteSignature',
              malformed.message,
              requestId,
              service === 'iam' ? IAM_XMLNS : STS_XMLNS,
            );
    } else if (service === 'sts') {
      reply = await handleSts(raw, auth, body, record, requestId);
    } else if (service === 'iam') {
      // A test's hold may keep the call back before it is answered, or its answer after.
      const action = queryProtocolParams(raw, body).get('Action') ?? undefined;
      await holds.pass(action, 'on-release');
      reply = handleIam(raw, auth, body, record, requestId);
      await holds.pass(action, 'on-arrival');
    } else {
      reply = handleS3(raw, auth, body, record, requestId);
    }
    return finish(reply, record, requestId, service);
  }

  const server = await startServer(dispatch, {
    clock,
    ...(options.tls ? { tls: options.tls } : {}),
    faultReply(kind: FaultKind, req: EmulatorRequest): HttpReply | undefined {
      const service: AwsService = serviceOf(req);
      const record = newRecord(req, service);
      record.fault = kind as AwsFaultKind;
      record.action =
        service !== 's3'
          ? (queryProtocolParams(rawRequest(req), req.rawBody).get('Action') ?? undefined)
          : undefined;
      const requestId = newRequestId();
      const reply = faultReply(kind as AwsFaultKind, service, requestId);
      return reply && finish(reply, record, requestId, service);
    },
  });
  const faults = new AwsFaultQueue(server.faults);

  function requireRole(roleArn: string): RoleState {
    const role = roles.get(roleArn);
    if (!role)
      throw new Error(
        `AWS emulator: no role ${roleArn}; configured: ${[...roles.keys()].join(', ')}`,
      );
    return role;
  }

  return {
    url: server.url,
    accountId,
    requests,
    connections: server.connections,
    issued,
    faults,
    buckets: s3.buckets,
    // An admin's own writes are in force at once; only IAM calls over HTTP wait for propagation.
    putRolePolicy(roleArn, name, doc) {
      writeRolePolicy(requireRole(roleArn), name, JSON.stringify(doc), clock.nowMs(), 0);
    },
    deleteRolePolicy(roleArn, name) {
      writeRolePolicy(requireRole(roleArn), name, undefined, clock.nowMs(), 0);
    },
    getRolePolicy(roleArn, name) {
      return requireRole(roleArn).policyDocuments.get(name);
    },
    listRolePolicies(roleArn) {
      return [...requireRole(roleArn).policyDocuments.keys()].sort();
    },
    get iamPropagationSeconds() {
      return propagationSeconds;
    },
    set iamPropagationSeconds(seconds: number) {
      propagationSeconds = seconds;
    },
    holdIam: (action, count, answer) => holds.hold(action, count, answer),
    close: () => {
      holds.releaseAll();
      return server.close();
    },
  };
}

/**
 * The network path of a revocation: which proxy carries the calls to STS and IAM, and which CA
 * certificates beyond Node's own the TLS connections trust. An earlier step can change both
 * through GITHUB_ENV (`https_proxy`, `NODE_EXTRA_CA_CERTS`) and leave a proxy running that
 * answers PutRolePolicy "done" and the probe "explicit deny" without asking AWS. The main step
 * records the path in the grant's handle at issue; closing compares, and a proof that came over
 * another path than the one the grant was issued through is not called verified.
 */
import type { ProxySettings } from '../../runner/proxy.js';
import { processProxySettings, proxyFor, redactProxy } from '../../runner/proxy.js';
import type { EndpointVariant } from './client-config.js';

/** What the handle records (nothing secret): absent fields mean a direct connection, no extra CA. */
export interface NetworkPath {
  /** The proxy a call to STS / IAM goes through, without its user and password. */
  readonly stsProxy?: string;
  readonly iamProxy?: string;
  /** SHA-256 (hex) of the CA certificates Node trusts beyond its bundled roots. */
  readonly extraCa?: string;
}

/** A proxy that carries calls now, with the variable it came from, for the record. */
export interface ProxyUse {
  readonly url: string;
  readonly source: string;
}

/** The path this process takes now, with where each proxy came from. */
export interface NetworkNow {
  readonly path: NetworkPath;
  readonly sts?: ProxyUse;
  readonly iam?: ProxyUse;
}

export interface ServiceUrls {
  readonly sts: string;
  readonly iam: string;
}

/**
 * The URLs the SDK sends STS and IAM calls to: the recorded override, or AWS's own endpoint of
 * the region. Only the host matters here (to NO_PROXY), and issue and close compute it alike.
 */
export function serviceUrls(
  region: string,
  variant: EndpointVariant | undefined,
  stsEndpoint: string | undefined,
  iamEndpoint: string | undefined,
): ServiceUrls {
  const cn = region.startsWith('cn-');
  const domain = variant?.dualStack
    ? cn
      ? 'api.amazonwebservices.com.cn'
      : 'api.aws'
    : cn
      ? 'amazonaws.com.cn'
      : 'amazonaws.com';
  const fips = variant?.fips ? '-fips' : '';
  const iam = cn
    ? 'https://iam.cn-north-1.amazonaws.com.cn'
    : region.startsWith('us-gov-')
      ? 'https://iam.us-gov.amazonaws.com'
      : `https://iam${fips}.amazonaws.com`;
  return {
    sts: stsEndpoint ?? `https://sts${fips}.${region}.${domain}`,
    iam: iamEndpoint ?? iam,
  };
}

/** The proxy and extra CAs a call to these URLs goes through from this process. */
export function networkNow(
  urls: ServiceUrls,
  extraCa: () => string | undefined = extraCaDigest,
  settings: ProxySettings = processProxySettings(),
): NetworkNow {
  const sts = proxyUse(urls.sts, settings);
  const iam = proxyUse(urls.iam, settings);
  const ca = extraCa();
  return {
    path: {
      ...(sts ? { stsProxy: sts.url } : {}),
      ...(iam ? { iamProxy: iam.url } : {}),
      ...(ca ? { extraCa: ca } : {}),
    },
    ...(sts ? { sts } : {}),
    ...(iam ? { iam } : {}),
  };
}

function proxyUse(url: string, settings: ProxySettings): ProxyUse | undefined {
  const target = new URL(url);
  const proxy = proxyFor(target, settings);
  if (!proxy) return undefined;
  const source = (target.protocol === 'https:' ? settings.httpsSource : settings.httpSource) ?? '';
  return { url: redactProxy(proxy), source };
}

/**
 * What differs between the path recorded at issue and the path now, said for a reviewer
 * (`STS proxy: none at issue, http://127.0.0.1:8080 (http_proxy) now`), or undefined.
 */
export function networkChange(issued: NetworkPath, now: NetworkNow): string | undefined {
  const proxy = (url: string | undefined, use?: ProxyUse) =>
    url ? `${url}${use?.source ? ` (${use.source})` : ''}` : 'none';
  const ca = (digest: string | undefined) => (digest ? `SHA-256 ${digest.slice(0, 16)}…` : 'none');
  const changes: string[] = [];
  if (issued.stsProxy !== now.path.stsProxy)
    changes.push(
      `STS proxy: ${proxy(issued.stsProxy)} at issue, ${proxy(now.path.stsProxy, now.sts)} now`,
    );
  if (issued.iamProxy !== now.path.iamProxy)
    changes.push(
      `IAM proxy: ${proxy(issued.iamProxy)} at issue, ${proxy(now.path.iamProxy, now.iam)} now`,
    );
  if (issued.extraCa !== now.path.extraCa)
    changes.push(
      `extra CA certificates (NODE_EXTRA_CA_CERTS): ${ca(issued.extraCa)} at issue, ${ca(now.path.extraCa)} now`,
    );
  return changes.length ? changes.join('; ') : undefined;
}

/**
 * SHA-256 of the CA certificates this process's TLS trusts beyond Node's bundled roots: those of
 * NODE_EXTRA_CA_CERTS, and the system store's when it is in use (NODE_USE_SYSTEM_CA, whose store
 * SSL_CERT_FILE can name). What Node loaded, not the file as it is now: Node reads it once, at
 * the first TLS connection, and a step could swap the file after. Undefined when neither is set,
 * without loading tls: the common step pays nothing.
 */
export function extraCaDigest(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const system =
    env['NODE_USE_SYSTEM_CA'] === '1' ||
    [...process.execArgv, ...(env['NODE_OPTIONS']?.split(/\s+/) ?? [])].includes('--use-system-ca');
  if (!env['NODE_EXTRA_CA_CERTS'] && !system) return undefined;
  const tls = process.getBuiltinModule('node:tls');
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const pem of tls.getCACertificates('extra')) hash.update(pem);
  if (system) {
    hash.update('\0system\0');
    for (const pem of tls.getCACertificates('system')) hash.update(pem);
  }
  return hash.digest('hex');
}

import { ConfigurationError } from '../errors.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** Plain http is only safe when the issuer never leaves the machine (a local emulator). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/**
 * The issuer this runner's tokens come from when `oidc-issuer` is not given: github.com's,
 * GHE.com's `token.actions.SUBDOMAIN.ghe.com`, or GitHub Enterprise Server's
 * `https://HOSTNAME/_services/token`. GITHUB_SERVER_URL is set by the runner and cannot be
 * changed through GITHUB_ENV. An enterprise with its own issuer URL sets `oidc-issuer`.
 */
export function defaultIssuer(env: NodeJS.ProcessEnv): string {
  const server = URL.parse(env['GITHUB_SERVER_URL'] ?? '');
  if (!server || server.hostname === 'github.com') return GITHUB_ISSUER;
  const ghe = /^([a-z0-9-]+)\.ghe\.com$/i.exec(server.hostname);
  if (ghe) return `https://token.actions.${ghe[1]!.toLowerCase()}.ghe.com`;
  return `${server.origin}/_services/token`;
}

/**
 * The `oidc-issuer` input, checked: https anywhere (github.com, GHES, an enterprise issuer),
 * http only on loopback. Returned without a trailing slash, as GitHub writes `iss`.
 */
export function checkIssuer(value: string | undefined, input = 'oidc-issuer'): string {
  if (value === undefined || value.trim() === '') return GITHUB_ISSUER;
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      `Invalid ${input} '${text}': expected a URL such as ${GITHUB_ISSUER} or https://HOSTNAME/_services/token for GitHub Enterprise Server.`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigurationError(
      `Invalid ${input} '${text}': an issuer URL has no query, fragment or credentials.`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      `Invalid ${input} '${text}': plain http is accepted only on loopback (127.0.0.0/8, ::1, localhost); use https.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(`Invalid ${input} '${text}': the issuer must be an https URL.`);
  }
  return text.replace(/\/+$/, '');
}

/** The same rule for URLs the issuer's discovery document points to (jwks_uri). */
export function checkFetchUrl(value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw new Error(`The OIDC ${what} is missing from the issuer's discovery document.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The OIDC ${what} '${value}' in the discovery document is not a URL.`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    return value;
  throw new Error(`The OIDC ${what} '${value}' must be https (http only on loopback).`);
}

import { isExampleValue } from '../names.js';
import type { Cloud } from '../types.js';

/** What a literal value is, judged by its shape alone. */
export interface KeyShape {
  what: string;
  cloud: Cloud;
}

const SHAPES: Array<{ re: RegExp; what: string; cloud: Cloud; random?: boolean }> = [
  { re: /^(?:AKIA|ASIA)[A-Z2-7]{16}$/, what: 'an AWS access key id', cloud: 'aws' },
  // An Entra client secret: three characters, a digit, `Q~`, then 31-34 more.
  {
    re: /^[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}$/,
    what: 'an Azure client secret',
    cloud: 'azure',
  },
  // A storage account key is 64 random bytes in base64: 86 characters and `==`.
  {
    re: /^[A-Za-z0-9+/]{86}==$/,
    what: 'an Azure storage account key',
    cloud: 'azure',
    random: true,
  },
  // An AWS secret access key is 40 characters of base64 alphabet.
  { re: /^[A-Za-z0-9+/]{40}$/, what: 'an AWS secret access key', cloud: 'aws', random: true },
];

/**
 * A literal that is a key by its shape: an AWS access key id, a 40-character secret access key,
 * an Entra client secret, a storage account key, a service-account JSON key, a PEM private key.
 * Never a path, a file name, a bucket prefix, an ARN, a URL, or a published example.
 */
export function keyShape(value: string): KeyShape | undefined {
  const v = value.trim();
  if (v === '' || isExampleValue(v)) return undefined;
  if (/"private_key"\s*:/.test(v) || /"type"\s*:\s*"service_account"/.test(v))
    return { what: 'a Google Cloud service-account key', cloud: 'gcp' };
  if (/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/.test(v))
    return { what: 'a private key', cloud: 'other' };
  if (looksLikeName(v)) return undefined;
  for (const s of SHAPES) {
    if (!s.re.test(v)) continue;
    if (s.random && !random(v)) continue;
    return { what: s.what, cloud: s.cloud };
  }
  return undefined;
}

/**
 * A secret of no known format under a name that says it is a key (`R2_SECRET_ACCESS_KEY`): long,
 * from a token alphabet, mixed like random data. Hex digests qualify; words and paths do not.
 */
export function genericSecretShape(value: string): boolean {
  const v = value.trim();
  if (v.length < 32 || v.length > 200 || isExampleValue(v) || looksLikeName(v)) return false;
  if (!/^[A-Za-z0-9+/=_\-~.]+$/.test(v)) return false;
  return entropy(v) >= 3.5 && /\d/.test(v) && /[A-Za-z]/.test(v);
}

/** Paths, file names, prefixes, ARNs, URLs, references and expressions: identifiers, not keys. */
export function looksLikeName(v: string): boolean {
  if (/^(?:\.{0,2}\/|~|\$|%|arn:|[a-z][a-z0-9+.-]*:\/\/|op:\/\/)/i.test(v)) return true;
  if (
    /\.(json|ya?ml|pem|p12|key|txt|env|enc|gpg|asc|b64|cfg|conf|ini|xml|zip|tar|gz|tgz|sh|ps1|js|ts|py)$/i.test(
      v,
    )
  )
    return true;
  // A prefix or path of words: `releases/nightly/`, `builds/linux-x64/app`.
  if (v.includes('/') && v.split('/').every((seg) => seg === '' || /^[a-z0-9._-]*$/.test(seg)))
    return true;
  return /\s/.test(v);
}

function random(v: string): boolean {
  return /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v) && entropy(v) >= 4;
}

/** Shannon entropy in bits per character. */
export function entropy(v: string): number {
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}

import type { Cloud, Location } from '../types.js';

/** Stores a long-lived value is read from that are not GitHub secrets. */
export type StoreKind =
  '1password' | 'sops' | 'gpg' | 'age' | 'openssl' | 'ansible-vault' | 'base64 file';

/** Where a value comes from, as far as the file shows. */
export type Source =
  | { kind: 'secret'; name: string; fields?: string[] }
  | { kind: 'var'; name: string }
  /** A caller's input (composite action, reusable workflow) or a dispatch input. */
  | { kind: 'input'; name: string; fields?: string[] }
  | { kind: 'literal'; text: string }
  /** Decrypted or read from the repository or a password manager: long-lived by nature. */
  | { kind: 'stored'; how: StoreKind; ref: string }
  /** Issued by an OIDC login step earlier in the job: short-lived. */
  | { kind: 'oidc'; cloud: Cloud; step: string }
  /** Computed by a command at run time (`$(aws sts ...)`, `$(mktemp)`): nothing stored. */
  | { kind: 'minted'; command: string }
  /** An output of a step or job whose outputs the file does not show. */
  | { kind: 'output'; step: string; output: string }
  /** A variable nothing in the file sets: the runner, a self-hosted machine, an unknown action. */
  | { kind: 'unset'; name: string }
  /** `github.*`, `matrix.*`, `runner.*`: not a credential. */
  | { kind: 'context'; name: string };

/** A place a value was put on its way to a use: an env entry or a script line. */
export interface Site extends Location {
  kind: 'env' | 'script';
  /** The variable, output or file it was put in. */
  name: string;
  /** How to say where it was put: `env SA`, `$KEY`, `file sa.json`, `output secret`. */
  label?: string;
}

export interface Origin {
  source: Source;
  /** Places it passed through, from the source towards the use. */
  via: Site[];
}

export function origin(source: Source): Origin {
  return { source, via: [] };
}

export function through(origins: Origin[], site: Site | undefined): Origin[] {
  return site ? origins.map((o) => ({ source: o.source, via: [...o.via, site] })) : origins;
}

/** The job's own token: never a cloud credential. */
export function isGitHubToken(name: string): boolean {
  return /^(github_token|gh_token|gh_pat|github_pat)$/i.test(name);
}

/** Kept somewhere and valid until someone deletes it: what the scanner is after. */
export function isStored(o: Origin, fromCallers: boolean): boolean {
  const s = o.source;
  switch (s.kind) {
    case 'secret':
      return !isGitHubToken(s.name);
    case 'var':
    case 'stored':
      return true;
    case 'input':
      return fromCallers;
    default:
      return false;
  }
}

/** Short-lived by construction: an OIDC login's output or a value computed at run time. */
export function isShortLived(o: Origin): boolean {
  return o.source.kind === 'oidc' || o.source.kind === 'minted';
}

/** `The secret X`, `The 1Password item op://…`, `The caller's input creds.clientSecret`. */
export function describeSource(s: Source): string {
  switch (s.kind) {
    case 'secret':
      return `The secret ${s.name}${s.fields?.length ? `.${s.fields.join('.')}` : ''}`;
    case 'var':
      return `The variable vars.${s.name}`;
    case 'input':
      return `The caller's input ${s.name}${s.fields?.length ? `.${s.fields.join('.')}` : ''}`;
    case 'stored':
      return s.how === '1password'
        ? `The 1Password item ${s.ref}`
        : s.how === 'base64 file'
          ? `The key decoded from ${s.ref}`
          : `The key decrypted with ${s.how} from ${s.ref}`;
    case 'literal':
      return 'A literal value';
    case 'output':
      return 'A step output';
    case 'unset':
      return `$${s.name}`;
    default:
      return 'A value';
  }
}

/** Name used to judge what a source holds: the secret's, variable's or input's name. */
export function sourceName(s: Source): string | undefined {
  switch (s.kind) {
    case 'secret':
    case 'input':
      return [s.name, ...(s.fields ?? [])].join('_');
    case 'var':
    case 'unset':
      return s.name;
    default:
      return undefined;
  }
}

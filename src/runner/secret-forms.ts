/**
 * The forms a secret can take in text the runner does not mask for us: the value itself, its
 * base64 and base64url at every byte alignment (inside a longer blob), its hex in either case,
 * and its URL- and JSON-escaped forms (`/` escaped or not). The leak canary searches the same forms.
 *
 * This is a guard against accidents (a tool that prints or exports what it was given), not
 * against a command set on smuggling a credential out: that one can always choose an encoding
 * or a split no list of forms foresees.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    forms.add(trimmedBase64(bytes.subarray(shift), 'base64'));
    forms.add(trimmedBase64(bytes.subarray(shift), 'base64url'));
  }
  const hex = bytes.toString('hex');
  forms.add(hex);
  forms.add(hex.toUpperCase());
  forms.add(encodeURIComponent(secret));
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  // JSON as PHP's json_encode and some Java writers quote it, `/` as `\/`: AWS keys hold `/`.
  forms.add(json.replaceAll('/', '\\/'));
  // A very short form would match unrelated text by chance.
  return [...forms].filter((f) => f.length >= 6);
}

/** Base64 without padding, and without the last character when it depends on the bytes that follow. */
function trimmedBase64(bytes: Buffer, alphabet: 'base64' | 'base64url'): string {
  const s = bytes.toString(alphabet).replace(/=+$/, '');
  return bytes.length % 3 === 0 ? s : s.slice(0, -1);
}

const withoutWhitespace = (s: string) => s.replace(/\s+/g, '');

/**
 * True when `text` holds any of `secrets` in any of their forms, also once all whitespace is
 * taken out of both: a value split over the lines of a heredoc, or wrapped as base64 tools wrap
 * it, is still the secret.
 */
export function holdsSecret(text: string, secrets: readonly string[]): boolean {
  const joined = withoutWhitespace(text);
  return secrets.some((s) =>
    secretForms(s).some((form) => {
      if (text.includes(form)) return true;
      const bare = withoutWhitespace(form);
      return bare.length >= 6 && joined.includes(bare);
    }),
  );
}

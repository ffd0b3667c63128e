/**
 * The forms a secret can take in text the runner does not mask for us: the value itself, its
 * base64 and base64url at every byte alignment (inside a longer blob), and its URL- and
 * JSON-escaped forms. The leak canary searches the same forms.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    forms.add(trimmedBase64(bytes.subarray(shift), 'base64'));
    forms.add(trimmedBase64(bytes.subarray(shift), 'base64url'));
  }
  forms.add(encodeURIComponent(secret));
  forms.add(JSON.stringify(secret).slice(1, -1));
  // A very short form would match unrelated text by chance.
  return [...forms].filter((f) => f.length >= 6);
}

/** Base64 without padding, and without the last character when it depends on the bytes that follow. */
function trimmedBase64(bytes: Buffer, alphabet: 'base64' | 'base64url'): string {
  const s = bytes.toString(alphabet).replace(/=+$/, '');
  return bytes.length % 3 === 0 ? s : s.slice(0, -1);
}

/** True when `text` holds any of `secrets` in any of their forms. */
export function holdsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => secretForms(s).some((form) => text.includes(form)));
}

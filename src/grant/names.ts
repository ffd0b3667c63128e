/** Output and state names shared by main, post and revoke (kept apart so post loads no engine code). */
export const OUTPUT = {
  grantId: 'grant-id',
  expiresAt: 'expires-at',
  principal: 'principal',
  ledger: 'ledger',
} as const;

export const STATE = { ledger: 'ledger' } as const;

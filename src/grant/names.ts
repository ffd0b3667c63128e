/** Output and state names shared by main, post and revoke (kept apart so post loads no engine code). */
export const OUTPUT = {
  grantId: 'grant-id',
  expiresAt: 'expires-at',
  principal: 'principal',
  ledger: 'ledger',
} as const;

/** What main hands its own post step through the runner: the open grant, and when main closed it. */
export const STATE = { grant: 'grant', closed: 'closed' } as const;

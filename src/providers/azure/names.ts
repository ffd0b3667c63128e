// Variable names that delivery sets and closing empties, apart from the code that sets them.

/** Our own name for the bearer token: no Azure tool reads an access token from the environment. */
export const ACCESS_TOKEN_VAR = 'AZURE_ACCESS_TOKEN';

/**
 * Variables the Azure CLI reads for the grant's login. CP1 is the CAE capability: without
 * this variable (checked for presence) az asks for CAE tokens, which live up to a day.
 */
export const AZ_ENV = { AZURE_IDENTITY_DISABLE_CP1: '1' } as const;

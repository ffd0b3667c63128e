/**
 * One emulated Google Cloud project and GitHub issuer for the end-to-end tests that are not about
 * Google itself (what a step loads, echoed tokens): a service account the repository may
 * impersonate, and the inputs of a grant of it.
 */
import { Clock } from '../emulators/clock.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { createJob, type Job } from '../harness/job.ts';

export const SERVICE_ACCOUNT = 'deploy@acme-site.iam.gserviceaccount.com';

export interface GcpWorld {
  clock: Clock;
  oidc: OidcIssuer;
  /** The repository's API, where the policy is read (none on its default branch). */
  github: GitHubApi;
  google: GoogleEmulator;
  close(): Promise<void>;
}

/** `attributeCondition`: the provider's CEL condition on the token's claims, as Google checks it. */
export async function startGcpWorld(
  options: { attributeCondition?: string } = {},
): Promise<GcpWorld> {
  const clock = new Clock();
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const oidc = await startOidcIssuer({ clock });
    started.push(oidc);
    const github = await startGitHubApi({ clock });
    started.push(github);
    github.repo('acme/site', { id: oidc.claims().repository_id });
    const google = await startGoogleEmulator({ clock, issuer: oidc.issuer, ...options });
    started.push(google);
    google.serviceAccounts[SERVICE_ACCOUNT] = {
      workloadIdentityUsers: [google.repositoryMember('acme/site')],
    };
    return { clock, oidc, github, google, close: () => closeAll(started) };
  } catch (err) {
    await closeAll(started);
    throw err;
  }
}

async function closeAll(started: Array<{ close(): Promise<void> }>): Promise<void> {
  for (const s of started.reverse()) await s.close();
}

/** A job of the repository, at its default branch's head, with the emulators' variables. */
export function gcpJob(world: GcpWorld, env: Record<string, string> = {}): Promise<Job> {
  return createJob({
    idToken: world.oidc.forJob,
    env: { ...world.google.env, ...world.github.env, ...env },
    context: { sha: world.github.head('acme/site') },
  });
}

export const gcpInputs = (world: GcpWorld, extra: Record<string, string> = {}) => ({
  provider: 'gcp',
  'oidc-issuer': world.oidc.issuer,
  'workload-identity-provider': world.google.provider,
  'service-account': SERVICE_ACCOUNT,
  export: 'env',
  ...extra,
});

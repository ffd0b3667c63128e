import { Inputs } from '../../../src/runner/inputs.ts';
import type { CommonSettings } from '../../../src/providers/provider.ts';

export const WIF =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/actions';
export const SA = 'deploy@acme-site.iam.gserviceaccount.com';

export function inputs(values: Record<string, string>): Inputs {
  return new Inputs({ input: (name: string) => values[name] ?? '' });
}

export function common(overrides: Partial<CommonSettings> = {}): CommonSettings {
  return {
    provider: 'gcp',
    duration: undefined,
    mode: 'outputs',
    run: undefined,
    audience: undefined,
    sessionName: 'gh.1.1.job.step',
    grantId: 'gcp-0123456789',
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import { awsProvider } from '../../src/providers/aws/index.ts';
import { azureProvider } from '../../src/providers/azure/index.ts';
import { gcpProvider } from '../../src/providers/gcp/index.ts';
import { closerOf } from '../../src/providers/closers.ts';
import { PROVIDER_IDS, type AnyProvider } from '../../src/providers/provider.ts';

// A post step closes with the closer alone; the main step (a `run:` grant, a delivery that failed
// half-way) with the same functions through its provider. They must be one and the same.
describe('each cloud closes the same way from a post step and from its main step', () => {
  const providers: Record<string, AnyProvider> = {
    aws: awsProvider as unknown as AnyProvider,
    azure: azureProvider as unknown as AnyProvider,
    gcp: gcpProvider as unknown as AnyProvider,
  };
  it.each(PROVIDER_IDS)('%s', (id) => {
    const closer = closerOf(id);
    const provider = providers[id]!;
    expect(closer.id).toBe(id);
    expect(provider.id).toBe(id);
    expect(closer.close).toBe(provider.close);
    expect(closer.readHandle).toBe(provider.readHandle);
    expect(closer.envNames).toBe(provider.envNames);
    expect(closer.envNames.length).toBeGreaterThan(0);
  });
});

// actions/revoke empties these wherever they came from; the rest only when they point into the
// action's own directory, as the job's own `env:` may have set a region or a project.
describe("each cloud's credential variables", () => {
  it.each(PROVIDER_IDS)('%s: some of its variables, none of them a setting', (id) => {
    const closer = closerOf(id);
    expect(closer.credentialNames.length).toBeGreaterThan(0);
    for (const name of closer.credentialNames) {
      expect(closer.envNames).toContain(name);
      expect(name).toMatch(/KEY|TOKEN/);
    }
    expect(closer.credentialNames).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/REGION|PROJECT|TENANT|SUBSCRIPTION|CLIENT_ID/),
      ]),
    );
  });
});

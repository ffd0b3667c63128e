import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT } from '../../src/grant/settings.ts';
import { AWS_INPUT } from '../../src/providers/aws/settings.ts';
import { AZURE_INPUT } from '../../src/providers/azure/settings.ts';
import { GCP_INPUT } from '../../src/providers/gcp/settings.ts';
import { PROVIDER_INPUTS } from '../../src/providers/inputs.ts';

describe("each cloud's inputs, as the root action checks them", () => {
  it("are each provider's own settings inputs", () => {
    expect([...PROVIDER_INPUTS.aws].sort()).toEqual(Object.values(AWS_INPUT).sort());
    expect([...PROVIDER_INPUTS.azure].sort()).toEqual(Object.values(AZURE_INPUT).sort());
    expect([...PROVIDER_INPUTS.gcp].sort()).toEqual(Object.values(GCP_INPUT).sort());
  });

  it('are declared by action.yml without a default, and no engine input is among them', () => {
    const declared = (parse(readFileSync('action.yml', 'utf8')) as { inputs: object })
      .inputs as Record<string, { default?: unknown }>;
    const all = Object.values(PROVIDER_INPUTS).flat();
    for (const name of all) {
      expect(declared[name], name).toBeDefined();
      // A default would make the runner send it on every step, for every cloud.
      expect(declared[name]!.default, name).toBeUndefined();
    }
    expect(new Set(all).size).toBe(all.length);
    for (const name of Object.values(INPUT)) expect(all).not.toContain(name);
  });
});

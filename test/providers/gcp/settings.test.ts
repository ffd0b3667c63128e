import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors.ts';
import {
  CLOUD_PLATFORM_SCOPE,
  parseEndpoints,
  parseGcpSettings,
  parseLifetime,
  parseProjectId,
  parseScopes,
  parseServiceAccount,
  parseWorkloadIdentityProvider,
} from '../../../src/providers/gcp/settings.ts';
import { common, inputs, SA, WIF } from './helpers.ts';

describe('parseWorkloadIdentityProvider', () => {
  it.each([
    [WIF, WIF],
    [`//iam.googleapis.com/${WIF}`, WIF],
    [`https://iam.googleapis.com/${WIF}`, WIF],
  ])('accepts %s', (value, name) => {
    expect(parseWorkloadIdentityProvider(value).workloadIdentityProvider).toBe(name);
  });

  it.each([
    ['github/actions', /Expected the provider's full resource name/],
    [
      'projects/acme-site/locations/global/workloadIdentityPools/github/providers/actions',
      /project number, not the project id/,
    ],
    [
      'projects/123/locations/europe-west1/workloadIdentityPools/github/providers/actions',
      /location 'global'/,
    ],
    [
      'projects/123/locations/global/workloadIdentityPools/GitHub/providers/actions',
      /pool id 'GitHub'/,
    ],
    ['projects/123/locations/global/workloadIdentityPools/github/providers/a', /provider id 'a'/],
    [`projects/123/locations/global/workloadIdentityPools/github`, /full resource name/],
  ])('refuses %s', (value, message) => {
    expect(() => parseWorkloadIdentityProvider(value)).toThrow(ConfigurationError);
    expect(() => parseWorkloadIdentityProvider(value)).toThrow(message);
    expect(() => parseWorkloadIdentityProvider(value)).toThrow(`'${value}'`);
  });
});

describe('parseServiceAccount', () => {
  it.each([
    SA,
    '123456789012-compute@developer.gserviceaccount.com',
    'acme-site@appspot.gserviceaccount.com',
    'ci-runner@proj.example.com.iam.gserviceaccount.com',
  ])('accepts %s', (v) => expect(parseServiceAccount(v)).toBe(v));
  it.each([
    'deploy',
    '112233445566778899',
    'deploy@acme-site.iam.gserviceaccount',
    'd@acme-site.iam.gserviceaccount.com',
    'deploy@gmail.com',
    'Deploy@acme-site.iam.gserviceaccount.com',
  ])('refuses %s', (v) =>
    expect(() => parseServiceAccount(v)).toThrow(`Invalid service-account '${v}'`),
  );
});

describe('parseLifetime', () => {
  it('defaults to 10 minutes with a service account', () =>
    expect(parseLifetime(undefined, SA, false)).toBe(600));
  it.each([60, 900, 3600])('accepts %i s', (s) => expect(parseLifetime(s, SA, false)).toBe(s));
  it.each([59, 3601])('refuses %i s and says how to go above 1h', (s) => {
    expect(() => parseLifetime(s, SA, false)).toThrow(/Use between 60s and 1h/);
    expect(() => parseLifetime(s, SA, false)).toThrow(
      s > 3600 ? /allow-lifetime-extension/ : /Google Cloud/,
    );
  });
  it('allows up to 12h when the organisation extends it', () => {
    expect(parseLifetime(43_200, SA, true)).toBe(43_200);
    expect(() => parseLifetime(43_201, SA, true)).toThrow(/12h/);
  });
  it('refuses a duration for direct federation, whose token lives as long as the GitHub token', () => {
    expect(() => parseLifetime(300, undefined, false)).toThrow(/needs 'service-account'/);
    expect(parseLifetime(undefined, undefined, false)).toBe(0);
  });
});

describe('parseScopes', () => {
  it('defaults to cloud-platform', () => expect(parseScopes([])).toEqual([CLOUD_PLATFORM_SCOPE]));
  it('keeps given scopes once each', () =>
    expect(
      parseScopes(['https://www.googleapis.com/auth/devstorage.read_only', 'openid', 'openid']),
    ).toEqual(['https://www.googleapis.com/auth/devstorage.read_only', 'openid']));
  it('suggests the URL form of a short scope', () =>
    expect(() => parseScopes(['cloud-platform'])).toThrow(
      /Did you mean https:\/\/www.googleapis.com\/auth\/cloud-platform\?/,
    ));
  it('refuses other URLs', () =>
    expect(() => parseScopes(['https://evil.example/auth/x'])).toThrow(/Invalid scope/));
});

describe('parseProjectId', () => {
  it('takes the input', () => expect(parseProjectId('my-project-1', SA)).toBe('my-project-1'));
  it("derives the service account's project", () =>
    expect(parseProjectId(undefined, SA)).toBe('acme-site'));
  it('has none for direct federation', () =>
    expect(parseProjectId(undefined, undefined)).toBeUndefined());
  it('refuses a project number or a name with spaces', () => {
    expect(() => parseProjectId('123456789012', SA)).toThrow(/Invalid project-id '123456789012'/);
    expect(() => parseProjectId('My Project', SA)).toThrow(/Invalid project-id/);
  });
});

describe('parseEndpoints', () => {
  it('uses Google by default', () =>
    expect(parseEndpoints({})).toEqual({
      endpoints: {
        sts: 'https://sts.googleapis.com/v1',
        iamcredentials: 'https://iamcredentials.googleapis.com/v1',
      },
      overridden: [],
    }));
  it('takes the peer action’s override variables, trailing slashes trimmed', () => {
    const r = parseEndpoints({
      GHA_ENDPOINT_OVERRIDE_sts: 'http://127.0.0.1:8080/v1/',
      GHA_ENDPOINT_OVERRIDE_iamcredentials: 'https://iam.corp.example/v1',
    });
    expect(r.endpoints).toEqual({
      sts: 'http://127.0.0.1:8080/v1',
      iamcredentials: 'https://iam.corp.example/v1',
    });
    expect(r.overridden).toEqual([
      'GHA_ENDPOINT_OVERRIDE_sts',
      'GHA_ENDPOINT_OVERRIDE_iamcredentials',
    ]);
  });
  it.each(['http://sts.example.com/v1', 'ftp://127.0.0.1/v1', 'not a url'])(
    'refuses %s (the GitHub token would go there)',
    (v) =>
      expect(() => parseEndpoints({ GHA_ENDPOINT_OVERRIDE_sts: v })).toThrow(
        /plain http only on 127.0.0.1/,
      ),
  );
});

describe('parseGcpSettings', () => {
  it('builds the audiences from the provider name', async () => {
    const s = await parseGcpSettings(
      inputs({ 'workload-identity-provider': WIF, 'service-account': SA }),
      common(),
      {},
    );
    expect(s.audience).toBe(`https://iam.googleapis.com/${WIF}`);
    expect(s.stsAudience).toBe(`//iam.googleapis.com/${WIF}`);
    expect(s.duration).toBe(600);
    expect(s.projectId).toBe('acme-site');
    expect(Object.isFrozen(s)).toBe(true);
  });
  it('keeps an explicit audience', async () => {
    const s = await parseGcpSettings(
      inputs({ 'workload-identity-provider': WIF }),
      common({ audience: 'my-aud' }),
      {},
    );
    expect(s.audience).toBe('my-aud');
    expect(s.serviceAccount).toBeUndefined();
  });
  it('requires the provider and says what it looks like', () =>
    expect(parseGcpSettings(inputs({}), common(), {})).rejects.toThrow(
      /Input 'workload-identity-provider' is required: the full resource name/,
    ));
  it('refuses a boundary on a token without cloud-platform scope', () =>
    expect(
      parseGcpSettings(
        inputs({
          'workload-identity-provider': WIF,
          scopes: 'https://www.googleapis.com/auth/devstorage.read_only',
          'access-boundary': '- bucket: a-bucket\n  role: roles/storage.objectViewer',
        }),
        common(),
        {},
      ),
    ).rejects.toThrow(
      /needs a token with the https:\/\/www.googleapis.com\/auth\/cloud-platform scope/,
    ));
  it('reads allow-lifetime-extension strictly', async () => {
    await expect(
      parseGcpSettings(
        inputs({
          'workload-identity-provider': WIF,
          'service-account': SA,
          'allow-lifetime-extension': 'yes',
        }),
        common(),
        {},
      ),
    ).rejects.toThrow(/Invalid allow-lifetime-extension 'yes'/);
    const s = await parseGcpSettings(
      inputs({
        'workload-identity-provider': WIF,
        'service-account': SA,
        'allow-lifetime-extension': 'true',
      }),
      common({ duration: 7200 }),
      {},
    );
    expect(s.duration).toBe(7200);
  });
});

import { describe, expect, it } from 'vitest';
import { expressionsIn } from '../../src/scan/expressions.ts';
import {
  cloudOfName,
  isCloudCredentialName,
  isCredentialName,
  isExampleValue,
} from '../../src/scan/names.ts';
import { ttlSeconds } from '../../src/scan/engine.ts';
import { inlineSuppressions } from '../../src/scan/suppress.ts';

describe('expressions', () => {
  const refs = (text: string) =>
    expressionsIn(text).flatMap((s) =>
      s.refs.map((r) => `${r.context}${r.whole ? '' : '.' + r.path.join('.')}`),
    );
  it.each([
    ['${{ secrets.AWS_KEY }}', ['secrets.AWS_KEY']],
    ["${{ secrets['AWS_KEY'] }}", ['secrets.AWS_KEY']],
    ['${{ SECRETS.Aws_Key }}', ['secrets.Aws_Key']],
    ['${{ toJSON(secrets) }}', ['secrets']],
    ["${{ format('{0}:{1}', secrets.A, inputs.b) }}", ['secrets.A', 'inputs.b']],
    ["${{ format('}}', secrets.A) }}", ['secrets.A']],
    ['${{ steps.mint.outputs.key }}', ['steps.mint.outputs.key']],
    ["${{ secrets[format('{0}_KEY', matrix.env)] }}", ['secrets.*', 'matrix.env']],
    [
      "${{ github.event_name == 'push' && secrets.A || secrets.B }}",
      ['github.event_name', 'secrets.A', 'secrets.B'],
    ],
    ['a ${{ secrets.A }} b ${{ vars.B }}', ['secrets.A', 'vars.B']],
    ['${{ secrets.A', []],
    ['${{ )( secrets.X }}', ['secrets.X']],
    ['no expression', []],
  ])('%s', (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });
});

describe('credential names', () => {
  it.each([
    ['AWS_SECRET_ACCESS_KEY', true, 'aws'],
    ['aws-access-key-id', true, 'aws'],
    ['aws_key_id', true, 'aws'],
    ['ARM_CLIENT_SECRET', true, 'azure'],
    ['GKE_SA_KEY', true, 'gcp'],
    ['credentials_json', true, undefined],
    ['RESTIC_TEST_OS_PASSWORD', true, 'other'],
    ['JSON_CREDENTIALS_fall2025', true, undefined],
    ['firebaseServiceAccount', false, 'gcp'],
    ['AZURE_CLIENT_ID', false, 'azure'],
    ['AWS_ROLE_ARN', false, 'aws'],
    ['SECRETS_AWS_PACKAGING_ROLE_TO_ASSUME', false, 'aws'],
    ['KMS_KEY_ID', false, undefined],
    ['AWS_ACCOUNT_ID', false, 'aws'],
    ['S3_BUCKET', false, 'aws'],
    ['SA_PASSWORD', true, undefined],
    ['GITHUB_TOKEN', false, undefined],
  ])('%s: credential %s, cloud %s', (name, credential, cloud) => {
    expect(isCredentialName(name)).toBe(credential);
    expect(cloudOfName(name)).toBe(cloud);
  });

  it('non-cloud secrets are out of scope unless a cloud is named', () => {
    expect(isCloudCredentialName('DOCKERHUB_PASSWORD')).toBe(false);
    expect(isCloudCredentialName('NAVER_CLIENT_SECRET')).toBe(false);
    expect(isCloudCredentialName('AZURE_CODESIGN_CLIENT_SECRET')).toBe(true);
  });

  it('published example and emulator keys are not credentials', () => {
    for (const v of [
      'AKIAIOSFODNN7EXAMPLE',
      'test',
      'minioadmin',
      '',
      'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    ]) {
      expect(isExampleValue(v)).toBe(true);
    }
    expect(isExampleValue('AKIAQWERTYUIOPASDFGH')).toBe(false);
  });
});

describe('small parsers', () => {
  it.each([
    ['3600', 3600],
    ['1200s', 1200],
    ['15m', 900],
    ['1h30m', 5400],
    ['${{ inputs.ttl }}', undefined],
    ['soon', undefined],
  ])('ttl %s', (v, s) => expect(ttlSeconds(v)).toBe(s));

  it('reads inline suppressions with rules, reason and position', () => {
    const s = inlineSuppressions([
      'a: 1',
      '  x: y # jit-credentials: ignore[jit103, JIT104] emulator key # other',
      '# jit-credentials: ignore[*]',
    ]);
    expect(s).toEqual([
      { line: 2, column: 8, rules: ['JIT103', 'JIT104'], reason: 'emulator key' },
      { line: 3, column: 1, rules: ['*'], reason: '' },
    ]);
  });
});

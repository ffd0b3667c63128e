import { describe, expect, it } from 'vitest';
import { expressionsIn } from '../../src/scan/expressions.ts';
import { keyShape, genericSecretShape } from '../../src/scan/flow/shape.ts';
import { commands, stripComment, testRanges } from '../../src/scan/flow/shell.ts';
import { pathKey, samePath } from '../../src/scan/flow/script.ts';
import { article, cloudOfName, isCredentialName } from '../../src/scan/names.ts';

describe('what reaches an expression result', () => {
  const flows = (text: string) =>
    expressionsIn(text).flatMap((s) =>
      s.flows.map((r) => `${r.context}.${[...r.path, ...(r.fields ?? [])].join('.')}`),
    );
  it.each([
    ['${{ secrets.A }}', ['secrets.A']],
    ["${{ secrets.A != '' }}", []],
    ['${{ !secrets.A }}', []],
    ["${{ contains(secrets.A, 'x') }}", []],
    ["${{ startsWith(secrets.A, 'AKIA') }}", []],
    ["${{ secrets.A && 'yes' || 'no' }}", []],
    [
      "${{ github.ref == 'refs/heads/main' && secrets.PROD || secrets.DEV }}",
      ['secrets.PROD', 'secrets.DEV'],
    ],
    ['${{ secrets.A || secrets.B }}', ['secrets.A', 'secrets.B']],
    ["${{ format('{0}:{1}', secrets.A, vars.B) }}", ['secrets.A', 'vars.B']],
    ['${{ fromJSON(inputs.creds).clientSecret }}', ['inputs.creds.clientSecret']],
    ["${{ fromJSON(secrets.SA)['private_key'] }}", ['secrets.SA.private_key']],
    ['${{ toJSON(secrets) }}', ['secrets.']],
    ["${{ case(github.event_name == 'push', secrets.A, 'none') }}", ['secrets.A']],
    ["${{ hashFiles('**/lock') }}", []],
  ])('%s', (text, expected) => expect(flows(text)).toEqual(expected));
});

describe('literal values judged by shape', () => {
  it.each([
    ['AKIAQWERTYUIOPASDFGH', 'an AWS access key id'],
    ['PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/', 'an AWS secret access key'],
    ['abc8Q~abcdefghijklmnopqrstuvwxyz0123456', 'an Azure client secret'],
    [
      '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----"}',
      'a Google Cloud service-account key',
    ],
    ['releases/nightly/linux-x64/', undefined],
    ['gcp-key.json', undefined],
    ['${{ github.workspace }}/key.json', undefined],
    ['/tmp/sa.json', undefined],
    ['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', undefined],
    ['alias/my-project-release-signing-key-2024', undefined],
    ['0123456789abcdef0123456789abcdef01234567', undefined],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', undefined],
    ['thisisalongpathlikename/withsegments/okay', undefined],
  ])('%s', (value, what) => expect(keyShape(value)?.what).toBe(what));

  it('a long random token is a secret under a key name; words and paths are not', () => {
    expect(
      genericSecretShape('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'),
    ).toBe(true);
    expect(genericSecretShape('my-company-artifacts-bucket-production')).toBe(false);
    expect(genericSecretShape('builds/linux/x64/release/2024/app.tar.gz')).toBe(false);
  });
});

describe('names', () => {
  it.each([
    ['GCP_SA_JSON', true, 'gcp'],
    ['PROD_SERVICE_ACCOUNT_JSON', true, 'gcp'],
    ['BQ_KEYFILE_JSON', true, 'gcp'],
    ['PACKAGE_JSON', false, undefined],
    ['AWS_KMS_KEY', false, 'aws'],
    ['SOPS_KMS_KEY', false, undefined],
    ['AWS_CACHE_KEY', false, 'aws'],
    ['GOOGLE_SERVICE_ACCOUNT', false, 'gcp'],
  ])('%s: credential %s, cloud %s', (name, credential, cloud) => {
    expect(isCredentialName(name)).toBe(credential);
    expect(cloudOfName(name)).toBe(cloud);
  });

  it('says an AWS, an Azure, a Google Cloud', () => {
    expect(article('AWS')).toBe('an AWS');
    expect(article('Azure')).toBe('an Azure');
    expect(article('Google Cloud')).toBe('a Google Cloud');
    expect(article('cloud')).toBe('a cloud');
  });
});

describe('shell reading', () => {
  const lines = (...t: string[]) => t.map((text, i) => ({ line: i + 1, text }));

  it('joins continuation lines and keeps each part on its source line', () => {
    const [cmd] = commands(
      lines('az login --service-principal \\', '  -u "$ID" \\', '  -p "$SECRET"'),
    );
    expect(cmd!.text).toBe('az login --service-principal  -u "$ID"  -p "$SECRET"');
    expect(cmd!.lineOf(cmd!.text.indexOf('-p "'))).toBe(3);
    expect(cmd!.columnOf(cmd!.text.indexOf('-p "'))).toBe(3);
  });

  it('reads a here-document as the body of its command', () => {
    const cmds = commands(
      lines(
        'cat > ~/.aws/credentials <<EOF',
        '[default]',
        'aws_access_key_id = $A',
        'EOF',
        'aws s3 ls',
      ),
    );
    expect(cmds).toHaveLength(2);
    expect(cmds[0]!.heredoc!.map((l) => l.line)).toEqual([2, 3]);
    expect(cmds[1]!.text).toBe('aws s3 ls');
  });

  it('drops comments outside quotes and expressions', () => {
    expect(stripComment('echo "a # b" # c')).toBe('echo "a # b" ');
    expect(stripComment("echo ${{ secrets['#x'] }} # y")).toBe("echo ${{ secrets['#x'] }} ");
    expect(stripComment('echo ${#arr[@]}')).toBe('echo ${#arr[@]}');
  });

  it('finds the tests a value is only compared in', () => {
    const t = 'if [ "${{ secrets.X }}" == \'\' ]; then exit 0; fi; echo "${{ secrets.Y }}"';
    const r = testRanges(t);
    expect(r).toHaveLength(1);
    expect(t.slice(r[0]![0], r[0]![1])).toContain('secrets.X');
    expect(testRanges('[ -z "$KEY" ] && exit 0')).toHaveLength(1);
    expect(testRanges('if ("${{ secrets.X }}" -eq "") { exit 0 }')).toHaveLength(1);
  });

  it('matches file paths written and read', () => {
    expect(pathKey('"${{ github.workspace }}/gcp.json"')).toBe('gcp.json');
    expect(pathKey('$GITHUB_WORKSPACE/gcp.json')).toBe('gcp.json');
    expect(pathKey('"$GOOGLE_APPLICATION_CREDENTIALS"')).toBe('$GOOGLE_APPLICATION_CREDENTIALS');
    expect(pathKey('${KEYFILE}', new Map([['KEYFILE', { origins: [], text: './k.json' }]]))).toBe(
      'k.json',
    );
    expect(samePath('ci/k.json', 'k.json')).toBe(true);
    expect(samePath('k', 'ci/k')).toBe(false);
    expect(samePath('$A', 'A')).toBe(false);
  });
});

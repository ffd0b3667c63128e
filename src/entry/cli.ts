/** `jit-credentials <verb> ...`: the same engines as the actions, for a terminal. */
export async function main(): Promise<void> {
  const [verb, ...rest] = process.argv.slice(2);
  const io = {
    stdout: (s: string) => process.stdout.write(s),
    stderr: (s: string) => process.stderr.write(s),
    cwd: process.cwd(),
  };
  switch (verb) {
    case 'scan':
      process.exitCode = await (await import('../cli/scan.js')).scanCli(rest, io);
      return;
    case 'fix':
      process.exitCode = await (await import('../cli/fix.js')).fixCli(rest, io);
      return;
    case 'report':
      process.exitCode = await (await import('../cli/report.js')).reportCli(rest, io);
      return;
    case 'repos':
      process.exitCode = await (await import('../cli/repos.js')).reposCli(rest, io);
      return;
    case 'policy':
      process.exitCode = await (await import('../cli/policy.js')).policyCli(rest, io);
      return;
    case 'trail':
      process.exitCode = await (await import('../cli/trail.js')).trailCli(rest, io);
      return;
    case '-v':
    case '--version':
    case 'version':
      io.stdout(`${(await import('../version.js')).VERSION}\n`);
      return;
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(USAGE);
      return;
    default: {
      const { suggest } = await import('../cli/args.js');
      io.stderr(`Unknown command '${verb}'.${suggest(verb, VERBS)}\n${USAGE}`);
      process.exitCode = 2;
    }
  }
}

const VERBS = ['scan', 'fix', 'report', 'repos', 'policy', 'trail', 'help', 'version'];

const USAGE = `Usage: jit-credentials <command>

  scan [PATH...]            find long-lived cloud credentials in workflows (default .github/)
  fix [--diff] [PATH...]    rewrite static-key logins into their OIDC form (default .github/)
  report RESULT.json...     merge per-repository scan results into one organisation report
  repos ORG                 list an organisation's repositories (GITHUB_API_URL, GITHUB_TOKEN)
  policy check [FILE]       validate a policy file (default .github/jit-policy.yml)
  policy test --claims F    explain the decision for a token's claims
  policy export --target T  write the matching cloud trust configuration (aws, gcp, azure)
  trail LEDGER...           merge job ledgers into one timeline, anomalies first (--format json)

  --version                 print the version

Run a command with --help for its options.
`;

require("./rolldown-runtime-CFwclPk8.cjs");async function main(){let[n,...r]=process.argv.slice(2),i={stdout:e=>process.stdout.write(e),stderr:e=>process.stderr.write(e),cwd:process.cwd()};switch(n){case`scan`:process.exitCode=await(await Promise.resolve().then(()=>require("./scan-sqYJqwVf.cjs"))).scanCli(r,i);return;case`fix`:process.exitCode=await(await Promise.resolve().then(()=>require("./fix-CB4IVK4k.cjs"))).fixCli(r,i);return;case`report`:process.exitCode=await(await Promise.resolve().then(()=>require("./report-LWrWrqSG.cjs"))).reportCli(r,i);return;case`repos`:process.exitCode=await(await Promise.resolve().then(()=>require("./repos-CFDSr30C.cjs"))).reposCli(r,i);return;case`policy`:process.exitCode=await(await Promise.resolve().then(()=>require("./policy-D3ycEvXq.cjs"))).policyCli(r,i);return;case`trail`:process.exitCode=await(await Promise.resolve().then(()=>require("./trail-Cjsw_s_V.cjs"))).trailCli(r,i);return;case`-v`:case`--version`:case`version`:i.stdout(`${(await Promise.resolve().then(()=>require("./version-CJfdPSXz.cjs"))).VERSION}\n`);return;case void 0:case`-h`:case`--help`:case`help`:i.stdout(t);return;default:{let{suggest:r}=await Promise.resolve().then(()=>require("./args-5uohetB2.cjs"));i.stderr(`Unknown command '${n}'.${r(n,e)}\n${t}`),process.exitCode=2}}}const e=[`scan`,`fix`,`report`,`repos`,`policy`,`trail`,`help`,`version`],t=`Usage: jit-credentials <command>

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
`;exports.main=main;
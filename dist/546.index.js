export const id = 546;
export const ids = [546];
export const modules = {

/***/ 3546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/** `jit-credentials <verb> ...`: the same engines as the actions, for a terminal. */
async function main() {
    const [verb, ...rest] = process.argv.slice(2);
    const io = {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        cwd: process.cwd(),
    };
    switch (verb) {
        case 'scan':
            process.exitCode = await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(909), __webpack_require__.e(778), __webpack_require__.e(893), __webpack_require__.e(397)]).then(__webpack_require__.bind(__webpack_require__, 3397))).scanCli(rest, io);
            return;
        case 'fix':
            process.exitCode = await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(909), __webpack_require__.e(778), __webpack_require__.e(182)]).then(__webpack_require__.bind(__webpack_require__, 182))).fixCli(rest, io);
            return;
        case 'report':
            process.exitCode = await (await __webpack_require__.e(/* import() */ 563).then(__webpack_require__.bind(__webpack_require__, 8563))).reportCli(rest, io);
            return;
        case 'repos':
            process.exitCode = await (await __webpack_require__.e(/* import() */ 62).then(__webpack_require__.bind(__webpack_require__, 62))).reposCli(rest, io);
            return;
        case 'policy':
            process.exitCode = await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(617), __webpack_require__.e(789), __webpack_require__.e(164), __webpack_require__.e(167)]).then(__webpack_require__.bind(__webpack_require__, 4100))).policyCli(rest, io);
            return;
        case '-v':
        case '--version':
        case 'version':
            io.stdout(`${(await __webpack_require__.e(/* import() */ 311).then(__webpack_require__.bind(__webpack_require__, 311))).VERSION}\n`);
            return;
        case undefined:
        case '-h':
        case '--help':
        case 'help':
            io.stdout(USAGE);
            return;
        default: {
            const { suggest } = await __webpack_require__.e(/* import() */ 593).then(__webpack_require__.bind(__webpack_require__, 7593));
            io.stderr(`Unknown command '${verb}'.${suggest(verb, VERBS)}\n${USAGE}`);
            process.exitCode = 2;
        }
    }
}
const VERBS = ['scan', 'fix', 'report', 'repos', 'policy', 'help', 'version'];
const USAGE = `Usage: jit-credentials <command>

  scan [PATH...]            find long-lived cloud credentials in workflows (default .github/)
  fix [--diff] [PATH...]    rewrite static-key logins into their OIDC form (default .github/)
  report RESULT.json...     merge per-repository scan results into one organisation report
  repos ORG                 list an organisation's repositories (GITHUB_API_URL, GITHUB_TOKEN)
  policy check [FILE]       validate a policy file (default .github/jit-policy.yml)
  policy test --claims F    explain the decision for a token's claims
  policy export --target T  write the matching cloud trust configuration (aws, gcp, azure)

  --version                 print the version

Run a command with --help for its options.
`;


/***/ })

};

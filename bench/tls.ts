/**
 * What TLS adds to the first step of a job, ours and the peer's, measured in one window: the
 * bench's TLS rounds come after its plain ones, minutes apart on a machine whose speed moves, so
 * their difference mixes TLS with the machine. Here four contenders take turns in a rotating
 * order: ours and the peer on the plain emulators, and on the same emulators over TLS
 * (first-step.ts's overTls), each a new job's cold main and its post. Prints median wall and CPU
 * time of each, and ours ÷ peer paired by round, as the bench pairs them.
 *
 *   node bench/tls.ts <aws|gcp> [rounds]
 */
import { awsCloud, gcpCloud, overTls, paired, steps, type Results } from './first-step.ts';
import { median, rssProbe } from './measure.ts';

const [cloudName, roundsArg] = process.argv.slice(2);
if (cloudName !== 'aws' && cloudName !== 'gcp') {
  console.error('usage: node bench/tls.ts <aws|gcp> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 21);
const make = () => (cloudName === 'aws' ? awsCloud([]) : gcpCloud([]));
const probe = rssProbe();
const plain = await make();
const secure = await overTls(make);
const over: Record<'HTTP' | 'TLS', Results> = { HTTP: new Map(), TLS: new Map() };
try {
  const tlsEnv = { ...probe.env, ...secure.env };
  const contenders = [
    () => steps(plain, 'ours', probe, over.HTTP, false),
    () => steps(plain, 'peer', probe, over.HTTP, false),
    () => steps(secure.world, 'ours', probe, over.TLS, false, tlsEnv),
    () => steps(secure.world, 'peer', probe, over.TLS, false, tlsEnv),
  ];
  for (let i = 0; i < rounds; i++)
    for (let j = 0; j < contenders.length; j++) await contenders[(i + j) % contenders.length]!();
} finally {
  await plain.close();
  await secure.world.close();
  secure.dispose();
  probe.dispose();
}

console.log(`${plain.name}, medians of ${rounds} rounds: wall ms / CPU ms, ours ÷ peer by round`);
for (const key of ['main cold', 'post'])
  for (const proto of ['HTTP', 'TLS'] as const) {
    const [ours, peer] = [over[proto].get(`ours ${key}`)!, over[proto].get(`peer ${key}`)!];
    const both = (s: typeof ours) => `${median(s.ms).toFixed(0)} / ${median(s.cpuMs).toFixed(0)}`;
    const ratio = paired(ours, peer, (x, y) => x / y).toFixed(2);
    console.log(
      `  ${key.padEnd(9)} ${proto.padEnd(4)} ours ${both(ours)}, peer ${both(peer)}, ${ratio}`,
    );
  }

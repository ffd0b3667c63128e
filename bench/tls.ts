/**
 * What TLS adds to a cold main step, ours and the peer's, measured in one window: the bench's TLS
 * rounds come after its plain ones, minutes apart on a machine whose speed moves, so their
 * difference mixes TLS with the machine. Here four contenders take turns in a rotating order:
 * ours and the peer on the plain emulators, and on the same emulators over TLS (first-step.ts's
 * overTls). Prints median wall and CPU time of each, and ours ÷ peer of those medians.
 *
 *   node bench/tls.ts <aws|gcp> [rounds]
 */
import { awsCloud, gcpCloud, overTls, type Cloud } from './first-step.ts';
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
const times = new Map<string, { ms: number[]; cpuMs: number[] }>();

async function coldMain(cloud: Cloud, who: 'ours' | 'peer', env: Record<string, string>) {
  const peer = cloud.peer;
  if (!peer) throw new Error(`${cloud.name} has no peer to compare with`);
  const job = await cloud.job();
  const step = await job.runStep({
    action: who === 'ours' ? 'action.yml' : peer.action,
    id: 'tls',
    inputs: who === 'ours' ? cloud.inputs : peer.inputs,
    env: { ...probe.env, ...env },
  });
  if (step.exitCode !== 0) throw new Error(`${who} failed: ${step.stdout}\n${step.stderr}`);
  const key = `${who} ${env['NODE_EXTRA_CA_CERTS'] ? 'TLS' : 'HTTP'}`;
  const t = times.get(key) ?? { ms: [], cpuMs: [] };
  t.ms.push(step.durationMs);
  t.cpuMs.push(probe.takeUsage().at(-1)?.cpuMs ?? NaN);
  times.set(key, t);
  await job.cleanup();
}

try {
  const contenders = [
    () => coldMain(plain, 'ours', {}),
    () => coldMain(plain, 'peer', {}),
    () => coldMain(secure.world, 'ours', secure.env),
    () => coldMain(secure.world, 'peer', secure.env),
  ];
  for (let i = 0; i < rounds; i++)
    for (let j = 0; j < contenders.length; j++) await contenders[(i + j) % contenders.length]!();
} finally {
  await plain.close();
  await secure.world.close();
  secure.dispose();
  probe.dispose();
}

const med = (key: string, what: 'ms' | 'cpuMs') => median(times.get(key)![what]);
console.log(`${plain.name} main, cold, medians of ${rounds} rounds: wall ms / CPU ms`);
for (const proto of ['HTTP', 'TLS'])
  console.log(
    `  ${proto.padEnd(4)} ours ${med(`ours ${proto}`, 'ms').toFixed(0)} / ${med(`ours ${proto}`, 'cpuMs').toFixed(0)}` +
      `, peer ${med(`peer ${proto}`, 'ms').toFixed(0)} / ${med(`peer ${proto}`, 'cpuMs').toFixed(0)}` +
      `, ours ÷ peer ${(med(`ours ${proto}`, 'ms') / med(`peer ${proto}`, 'ms')).toFixed(2)}`,
  );

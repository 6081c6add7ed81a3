import { describeDelivery } from '../lib/client/delivery';
import { FlagError, USAGE, parseTrainFlags } from './flags';
import { train } from './train';
import { MODEL_ZOO, findModel } from './zoo';

async function main(): Promise<number> {
  let flags;
  try {
    flags = parseTrainFlags(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    return 2;
  }
  if (flags === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (flags === 'list') {
    const width = Math.max(...MODEL_ZOO.map((m) => m.name.length));
    for (const m of MODEL_ZOO) console.log(`${m.name.padEnd(width)}  ${m.description}`);
    return 0;
  }
  const entry = findModel(flags.model);
  const result = await train(flags, entry, (line) => console.log(line));
  if (result.delivery.delivered) return 0;
  console.error(`error: the server at ${flags.server} does not have everything run ${result.runId} logged:`);
  for (const line of describeDelivery(result.delivery)) console.error(`  ${line}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`training failed: ${e.message}`);
    process.exit(1);
  },
);

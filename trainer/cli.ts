import { describeDelivery } from '../lib/client/delivery';
import { USAGE, parseTrainFlags } from './flags';
import { runCommand } from './run-command';
import { train } from './train';
import { MODEL_ZOO, findModel } from './zoo';

runCommand(
  parseTrainFlags,
  USAGE,
  async (flags) => {
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
  },
  (e) => `training failed: ${e.message}`,
);

import { formatMetric } from '../callbacks/progress-bar';
import { runCommand } from '../run-command';
import { ENSEMBLE_USAGE, parseEnsembleFlags } from './ensemble-flags';
import { runEnsemble } from './run-ensemble';

const row = (cells: string[]) => `${cells[0].padEnd(40)} ${cells.slice(1).map((c) => c.padStart(8)).join(' ')}`;

runCommand(
  parseEnsembleFlags,
  ENSEMBLE_USAGE,
  async (flags) => {
    const result = await runEnsemble(flags, (line) => console.log(line));
    console.log(row(['test set', 'acc', 'loss', 'weight']));
    result.members.forEach((m, i) => console.log(row([m.runId, formatMetric(m.acc), formatMetric(m.loss), result.weights[i].toFixed(3)])));
    console.log(row([`ensemble ${result.runId}`, formatMetric(result.ensemble.acc), formatMetric(result.ensemble.loss), '']));
    if (!result.delivered) console.error(`warning: the server at ${flags.server} did not confirm ensemble run ${result.runId}`);
    return 0;
  },
  (e) => `ensemble failed: ${e.message}`,
);

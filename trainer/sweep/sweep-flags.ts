import { defaultServerUrl } from '../../lib/client';
import { SWEEP_METHODS, type SweepDefinition } from '../../lib/kinds/sweep/meta';
import { parseSpace } from '../../lib/sweep/space';
import { Monitor } from '../callbacks/monitor';
import { FlagError, integer, oneOf } from '../flag-values';
import { checkSweepable, checkTrialArgs } from './trial-args';

export const SWEEP_USAGE = `usage: npm run sweep -- --model NAME --param NAME=KIND:ARGS [--param …] [options] [trainer flags]
  --param NAME=KIND:ARGS  a training flag to search, by its camelCase name; repeatable. Kinds:
                          uniform:LOW:HIGH  loguniform:LOW:HIGH  quniform:LOW:HIGH:Q
                          qloguniform:LOW:HIGH:Q  int:LOW:HIGH  choice:A,B,C
                          e.g. learningRate=loguniform:1e-4:1e-2  batchSize=choice:32,64,128
  --model NAME            the model every trial trains (default imdb-conv1d)
  --trials N              trials in all (default 20)
  --method NAME           tpe | random | grid (default tpe)
  --grid-points N         values per numeric param on the grid (default 5)
  --metric NAME           the epoch metric to optimise (default val_loss)
  --goal min|max          default: max for accuracy-like metrics, else min
  --seed N                seeds the search and every trial's data (default 1337)
  --median-stopping       stop a trial whose best so far is worse than the median of the
                          completed trials' running averages (from its 2nd epoch, once 3 trials completed)
  --parallel N            trials trained side by side (default 1: each trainer's WASM backend already
                          uses every core; with N > 1 each gets cores / N threads)
  --sweep-name NAME       name shown in the dashboard
  --server URL            dashboard URL (default TENSORLENS_URL or http://127.0.0.1:3000)
  --resume ID             continue sweep ID: ended trials are kept, cut-off ones run again;
                          only --trials and --parallel may change
Every other flag goes to every trial (npm run train -- --help lists them), e.g. --epochs 3
--train-samples 2000 --checkpoint --save-best-only.`;

/** What the command line asks for: a new sweep, or more of an existing one. */
export type SweepCommand =
  | { kind: 'new'; server: string; definition: SweepDefinition }
  | { kind: 'resume'; server: string; sweepId: string; maxTrials?: number; parallel?: number };

const VALUE_FLAGS = ['model', 'trials', 'method', 'grid-points', 'metric', 'goal', 'seed', 'parallel', 'sweep-name', 'server', 'resume', 'param'];
const SWITCHES = ['median-stopping', 'help'];
/** With --resume, the sweep is as it was defined: these would change it. */
const DEFINING = ['model', 'method', 'grid-points', 'metric', 'goal', 'seed', 'sweep-name', 'param', 'median-stopping'];

/** The sweep's own flags, and the rest, in order, for every trial. */
function split(argv: readonly string[]): { own: Map<string, string[]>; passThrough: string[] } {
  const own = new Map<string, string[]>();
  const passThrough: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') ? [arg.slice(2).split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : ['', undefined];
    if (SWITCHES.includes(name)) {
      if (inline !== undefined) throw new FlagError(`--${name} takes no value`);
      own.set(name, ['true']);
    } else if (VALUE_FLAGS.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new FlagError(`--${name} needs a value`);
      own.set(name, [...(own.get(name) ?? []), value]);
    } else passThrough.push(arg);
  }
  for (const [name, values] of own) if (name !== 'param' && values.length > 1) throw new FlagError(`--${name} is given twice`);
  return { own, passThrough };
}

/** Parses and checks a sweep's command line; throws FlagError with a message for the user. */
export function parseSweepFlags(argv: readonly string[]): SweepCommand | 'help' {
  const { own, passThrough } = split(argv);
  const one = (name: string) => own.get(name)?.[0];
  if (one('help')) return 'help';
  const server = one('server') ?? defaultServerUrl();
  const maxTrials = integer('trials', one('trials'), undefined, 1);
  const parallel = integer('parallel', one('parallel'), undefined, 1);
  const resume = one('resume');
  if (resume !== undefined) {
    const changed = [...DEFINING.filter((name) => own.has(name)).map((name) => `--${name}`), ...passThrough.slice(0, 1)];
    if (changed.length) throw new FlagError(`--resume continues sweep ${resume} as it was defined; only --trials and --parallel may change, got ${changed[0]}`);
    return { kind: 'resume', server, sweepId: resume, maxTrials, parallel };
  }
  const space = parseSpace(own.get('param') ?? []);
  if (!space.ok) throw new FlagError(space.error);
  const metric = one('metric') ?? 'val_loss';
  if (!/^\w+$/.test(metric)) throw new FlagError(`--metric must be an epoch metric name such as val_acc, got "${metric}"`);
  const model = one('model') ?? 'imdb-conv1d';
  const method = oneOf('method', one('method'), SWEEP_METHODS, 'tpe');
  const seed = integer('seed', one('seed'), 1337, 0)!;
  checkSweepable(space.value, passThrough);
  const definition: SweepDefinition = {
    name: one('sweep-name') ?? `${model}-${method}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    model,
    method,
    metric,
    goal: oneOf('goal', one('goal'), ['min', 'max'] as const, new Monitor('sweep', { monitor: metric }).direction),
    seed,
    maxTrials: maxTrials ?? 20,
    space: space.value,
    gridPoints: integer('grid-points', one('grid-points'), 5, 1)!,
    medianStopping: one('median-stopping') === 'true',
    parallel: parallel ?? 1,
    args: [...passThrough, '--seed', String(seed)],
  };
  checkTrialArgs(definition);
  return { kind: 'new', server, definition };
}

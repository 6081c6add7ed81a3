import type { SweepDefinition } from '../../lib/kinds/sweep/meta';
import { dimensionOf, valueAt } from '../../lib/sweep/dimension';
import type { Params } from '../../lib/sweep/sampler';
import type { ParamSpec, ParamValue } from '../../lib/sweep/space';
import { FlagError } from '../flag-values';
import { TRAIN_OPTIONS, parseTrainFlags } from '../flags';
import type { TrialJob } from './run-sweep';

/** Flags the runner sets for every trial itself, so neither a --param nor a pass-through flag may. */
export const RUNNER_FLAGS = ['model', 'run-id', 'run-name', 'sweep-id', 'sweep-trial', 'server', 'list', 'help'];

/** A training flag's name as a param: --learning-rate is learningRate, the TrainFlags field. */
export function flagOf(param: string): string {
  return param.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every param must name a training flag that takes one value; a boolean one is swept as choice:true,false. */
export function checkSweepable(space: readonly ParamSpec[], passThrough: readonly string[]): void {
  for (const spec of space) {
    const flag = flagOf(spec.name);
    const option = TRAIN_OPTIONS[flag];
    if (!option) throw new FlagError(`--param ${spec.name}: no training flag --${flag}; a param is a flag's name in camelCase, e.g. learningRate for --learning-rate`);
    if (RUNNER_FLAGS.includes(flag)) throw new FlagError(`--param ${spec.name}: --${flag} is set by the sweep for every trial`);
    if (option.multiple) throw new FlagError(`--param ${spec.name}: --${flag} may be given several times and cannot be swept`);
    if (option.type === 'boolean' && !(spec.kind === 'choice' && spec.choices.every((c) => c === 'true' || c === 'false'))) {
      throw new FlagError(`--param ${spec.name}: --${flag} is an on/off flag; sweep it as ${spec.name}=choice:true,false`);
    }
    if (passThrough.some((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`))) {
      throw new FlagError(`--param ${spec.name}: --${flag} is also given as a flag for every trial; give one or the other`);
    }
  }
  const runnerFlag = passThrough.find((arg) => RUNNER_FLAGS.some((flag) => arg === `--${flag}` || arg.startsWith(`--${flag}=`)));
  if (runnerFlag) throw new FlagError(`${runnerFlag.split('=')[0]} is set by the sweep for every trial`);
}

/** A param value as trainer flags: an on/off flag is present for true and absent for false. */
export function paramArgs(params: Params): string[] {
  return Object.entries(params).flatMap(([name, value]) => {
    const flag = flagOf(name);
    if (TRAIN_OPTIONS[flag]?.type === 'boolean') return value === 'true' ? [`--${flag}`] : [];
    return [`--${flag}`, String(value)];
  });
}

/** The trainer's argv for one trial: the model, the flags every trial gets, its params, its identity. */
export function trialArgv(sweepId: string, definition: SweepDefinition, job: TrialJob, server: string): string[] {
  return [
    '--model', definition.model,
    ...definition.args,
    ...paramArgs(job.params),
    '--run-id', job.runId,
    '--run-name', `${definition.name} #${job.trial}`,
    '--sweep-id', sweepId,
    '--sweep-trial', String(job.trial),
    '--server', server,
  ];
}

/** Values that find a param's type errors before any trial trains: bounds, an odd interior point, every choice. */
function probes(spec: ParamSpec): ParamValue[] {
  if (spec.kind === 'choice') return spec.choices;
  const dim = dimensionOf(spec);
  return [spec.low, spec.high, valueAt(dim, dim.low + 0.371 * (dim.high - dim.low))];
}

/**
 * Parses trial flags as the trainer will, for each probe value of each param (the others at their
 * first probe), so that a param the trainer would refuse, such as batchSize=uniform:16:128 giving
 * 71.3, fails the sweep at once instead of every trial.
 */
export function checkTrialArgs(definition: SweepDefinition): void {
  const base: Params = Object.fromEntries(definition.space.map((spec) => [spec.name, probes(spec)[0]]));
  const job = { trial: 0, runId: 'probe', params: base };
  const parse = (params: Params) => parseTrainFlags(trialArgv('probe', definition, { ...job, params }, 'http://127.0.0.1:1'));
  parse(base);
  for (const spec of definition.space) {
    for (const value of probes(spec)) {
      try {
        parse({ ...base, [spec.name]: value });
      } catch (e) {
        if (!(e instanceof FlagError)) throw e;
        throw new FlagError(`--param ${spec.name} can give ${value}, which the trainer refuses: ${e.message}`);
      }
    }
  }
}

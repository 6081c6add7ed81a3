import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { bestRun, defaultObjective, sortByObjective, type Objective } from '../../hparams/best-run';
import { filterByBrush, withAxisBrush, type Brush, type Interval } from '../../hparams/brush-filter';
import { buildAxes, metricKeys, type HParamRun } from '../../hparams/hparam-axes';
import type { ParamSpec } from '../../sweep/space';
import { EnsembleButton } from '../ensemble/ensemble-button';
import { runPagePath } from '../run/page-paths';
import { comparePath } from '../run/run-list-toolbar';
import { HParamScatter } from './hparam-scatter';
import { HParamsTable } from './hparams-table';
import { ParallelChart } from './parallel-chart';
import { toggleSelection } from '../shared/toggle-selection';
import './hparams.css';

export interface HParamsViewProps<R extends HParamRun> {
  runs: readonly R[];
  /** A sweep's space and objective; any other set of runs infers its axes and picks an objective. */
  space?: readonly ParamSpec[];
  objective?: Objective;
  stateOf?: (run: R) => string;
}

/**
 * The HParams view: parallel coordinates (brushing filters the runs), a scatter of each
 * hyperparameter against the objective, and the runs in the brush best first. Selected runs open
 * together in the comparison, or are ensembled. It redraws whenever `runs` changes (live pushes).
 */
export function HParamsView<R extends HParamRun>({ runs, space, objective: fixed, stateOf }: HParamsViewProps<R>) {
  const router = useRouter();
  const metrics = useMemo(() => metricKeys(runs), [runs]);
  const [chosen, setChosen] = useState<string | null>(null);
  // Memoised: the chart redraws (and restores the brush) whenever the objective changes identity.
  const objective = useMemo(() => fixed ?? defaultObjective(chosen && metrics.includes(chosen) ? [chosen] : metrics), [fixed, chosen, metrics]);
  // The objective first among the metric axes, then the rest, so its axis sits beside the params.
  const axisMetrics = useMemo(() => (objective ? [objective.metric, ...metrics.filter((m) => m !== objective.metric)] : metrics), [objective?.metric, metrics]);
  const axes = useMemo(() => buildAxes(runs, { space, metrics: axisMetrics }), [runs, space, axisMetrics]);
  const [brush, setBrush] = useState<Brush>(new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const kept = useMemo(() => filterByBrush(runs, axes, brush), [runs, axes, brush]);
  const keptIds = useMemo(() => new Set(kept.map((run) => run.id)), [kept]);
  const sorted = useMemo(() => (objective ? sortByObjective(kept, objective) : kept), [kept, objective]);
  const best = objective ? bestRun(runs, objective) : null;
  const picked = runs.filter((run) => selected.has(run.id)).map((run) => run.id);

  const onBrush = useCallback((key: string, intervals: readonly Interval[]) => setBrush((held) => withAxisBrush(held, key, intervals)), []);
  const onSelect = useCallback((runId: string, on: boolean) => {
    setSelected((held) => toggleSelection(held, runId, on));
  }, []);
  const onOpen = useCallback((runId: string) => router.push(runPagePath(runId)), [router]);

  if (runs.length === 0) return <p className="empty">No runs to show yet.</p>;
  return (
    <section className="hparams" data-hparams-view>
      <div className="hparams-toolbar">
        {fixed ? (
          <span className="muted">
            coloured by {fixed.metric} ({fixed.goal === 'max' ? 'higher' : 'lower'} is better)
          </span>
        ) : (
          <label>
            Colour and rank by{' '}
            <select className="field" value={objective?.metric ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {metrics.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        )}
        <span className="muted" data-kept-runs={kept.length}>
          {kept.length === runs.length ? `${runs.length} runs` : `${kept.length} of ${runs.length} runs in the brush`}
        </span>
        {brush.size > 0 && (
          <button type="button" className="button" onClick={() => setBrush(new Map())}>
            Clear brush
          </button>
        )}
        <span className="run-actions">
          <EnsembleButton runIds={picked} />
          <Link prefetch={false} className={`button primary${picked.length === 0 ? ' disabled' : ''}`} aria-disabled={picked.length === 0} data-compare-selected href={picked.length === 0 ? '#' : comparePath(picked)}>
            Compare selected{picked.length > 0 ? ` (${picked.length})` : ''}
          </Link>
        </span>
      </div>
      <div className="card">
        <ParallelChart runs={runs} axes={axes} objective={objective} brush={brush} onBrush={onBrush} onOpen={onOpen} />
      </div>
      {objective && (
        <div className="hparams-scatters">
          {axes
            .filter((axis) => axis.source === 'hparam')
            .map((axis) => (
              <HParamScatter key={axis.key} runs={runs} axis={axis} objective={objective} kept={keptIds} />
            ))}
        </div>
      )}
      <HParamsTable runs={sorted} axes={axes} bestId={best?.id ?? null} selected={selected} onSelect={onSelect} stateOf={stateOf} />
    </section>
  );
}

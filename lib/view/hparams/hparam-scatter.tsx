import { useEffect, useMemo, useRef } from 'react';
import type { Objective } from '../../hparams/best-run';
import type { HParamAxis, HParamRun } from '../../hparams/hparam-axes';
import { useChart } from '../shared/use-chart';
import { scatterOption } from './scatter-option';

export interface HParamScatterProps {
  runs: readonly HParamRun[];
  axis: HParamAxis;
  objective: Objective;
  kept: ReadonlySet<string>;
}

/** A small scatter of one hyperparameter against the objective metric. */
export function HParamScatter({ runs, axis, objective, kept }: HParamScatterProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvas);
  const option = useMemo(() => (theme ? scatterOption(runs, axis, objective, kept, theme) : null), [runs, axis, objective, kept, theme]);
  useEffect(() => {
    if (chart && option) chart.setOption(option, { notMerge: true });
  }, [chart, option]);
  return (
    <figure className="card hparams-scatter" data-scatter={axis.key}>
      <figcaption className="muted">
        {objective.metric} against {axis.key}
      </figcaption>
      <div ref={canvas} className="hparams-scatter-canvas" />
    </figure>
  );
}

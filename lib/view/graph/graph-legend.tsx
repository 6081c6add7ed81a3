import { CHANGE_BANDS } from './graph-stats';
import { BAND_COLORS } from './graph-svg-style';

/** What the colours and bars on the nodes mean. */
export function GraphLegend({ step }: { step: number }) {
  return (
    <div className="graph-legend" data-testid="graph-legend">
      <span className="muted">
        Live at step {step}: ‖W‖ weight norm (change since the previous histogram step), act = activation mean μ and std σ. Colour: that change of ‖W‖
      </span>
      <ul>
        {CHANGE_BANDS.map(({ band, label }) => (
          <li key={band}>
            <span className="graph-legend-swatch" style={{ background: BAND_COLORS[band] }} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
      <span className="muted">Bar length: weight norm relative to the largest layer (log scale).</span>
    </div>
  );
}

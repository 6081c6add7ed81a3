import { EMA_MAX_WEIGHT } from '../../compare/smoothing/ema';
import { DEFAULT_SMOOTHING_AMOUNT, type Smoothing, SMOOTHING_METHODS, type SmoothingMethod, smoothingAmount, withSmoothingAmount } from '../../compare/smoothing/smoothing';
import type { UpdateCompareState } from './use-compare-state';

const LABEL: Record<SmoothingMethod, string> = { ema: 'EMA', average: 'Running average', gaussian: 'Gaussian' };

/** The slider's range per method: the EMA's weight, or a window or σ in steps. */
const RANGE: Record<SmoothingMethod, { min: number; max: number; step: number; unit: string }> = {
  ema: { min: 0, max: EMA_MAX_WEIGHT, step: 0.001, unit: '' },
  average: { min: 1, max: 1_000, step: 1, unit: ' steps' },
  gaussian: { min: 0, max: 500, step: 0.5, unit: ' steps σ' },
};

/** TensorBoard's smoothing slider, with the method beside it; the raw line stays faint behind. */
export function SmoothingControl({ smoothing, update }: { smoothing: Smoothing; update: UpdateCompareState }) {
  const amount = smoothingAmount(smoothing);
  const range = RANGE[smoothing.method];
  const set = (value: number) => update({ smoothing: withSmoothingAmount(smoothing.method, value) }, 'replace');
  return (
    <fieldset className="control smoothing-control">
      <legend>Smoothing</legend>
      <select
        className="field"
        aria-label="Smoothing method"
        value={smoothing.method}
        onChange={(e) => {
          const method = e.target.value as SmoothingMethod;
          update({ smoothing: withSmoothingAmount(method, DEFAULT_SMOOTHING_AMOUNT[method]) });
        }}
      >
        {SMOOTHING_METHODS.map((method) => (
          <option key={method} value={method}>
            {LABEL[method]}
          </option>
        ))}
      </select>
      <input
        type="range"
        aria-label="Smoothing amount"
        data-smoothing-amount
        min={range.min}
        max={range.max}
        step={range.step}
        value={amount}
        onChange={(e) => set(Number(e.target.value))}
        // A drag is one step back in history: a new entry now, rewritten while the slider moves.
        onPointerDown={() => update({}, 'push')}
      />
      <input
        type="number"
        className="field amount"
        aria-label="Smoothing amount (number)"
        min={range.min}
        max={range.max}
        step={range.step}
        value={amount}
        onChange={(e) => e.target.value !== '' && set(Number(e.target.value))}
      />
      <span className="muted">{range.unit}</span>
    </fieldset>
  );
}

import type { ColorMode } from './color-scale';

const MODES: readonly { mode: ColorMode; label: string; title: string }[] = [
  { mode: 'sentiment', label: 'sentiment', title: 'Log-odds of a positive review: red negative, blue positive' },
  { mode: 'frequency', label: 'frequency', title: 'log10(1 + count) in the training reviews' },
];

export function ColorModeToggle({ mode, hasSentiment, onChange }: { mode: ColorMode; hasSentiment: boolean; onChange: (mode: ColorMode) => void }) {
  return (
    <div className="view-toggle" role="group" aria-label="Colour by">
      {MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          data-color-mode={m.mode}
          title={m.mode === 'sentiment' && !hasSentiment ? "This run's vocabulary has no positive/negative counts" : m.title}
          disabled={m.mode === 'sentiment' && !hasSentiment}
          aria-pressed={mode === m.mode}
          onClick={() => onChange(m.mode)}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}

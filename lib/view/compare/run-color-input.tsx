import '../shared/controls.css';

/** A run's colour swatch that opens the browser's colour picker: the user's choice wins everywhere. */
export function RunColorInput({ runId, runName, color, onChange }: { runId: string; runName: string; color: string; onChange: (color: string) => void }) {
  return (
    <input
      type="color"
      className="run-color"
      value={color}
      data-run-color={runId}
      aria-label={`Colour of ${runName}`}
      title="Change this run's colour"
      onChange={(e) => onChange(e.target.value)}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

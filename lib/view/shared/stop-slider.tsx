export interface StopSliderProps {
  /** How many stops there are; the slider is disabled while there is nothing to choose between. */
  stops: number;
  /** The chosen stop, 0 to stops − 1. */
  index: number;
  label: string;
  onChange: (index: number) => void;
}

/** A range input over the stops of a timeline: steps, snapshots, epochs. */
export function StopSlider({ stops, index, label, onChange }: StopSliderProps) {
  return (
    <input
      type="range"
      min={0}
      max={Math.max(0, stops - 1)}
      value={index}
      disabled={stops < 2}
      aria-label={label}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  );
}

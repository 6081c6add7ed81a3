import { useEffect, useEffectEvent, useState } from 'react';
import type { EmbeddingSnapshotInfo } from '../../kinds/embedding/meta';
import { StopSlider } from '../shared/stop-slider';

/** Long enough for the 900 ms move between layouts to finish and be seen before the next one. */
const FRAME_MS = 1_400;

export function snapshotLabel(s: EmbeddingSnapshotInfo): string {
  return s.epoch === null ? `step ${s.step}` : `epoch ${s.epoch} · step ${s.step}`;
}

export interface EpochSliderProps {
  snapshots: readonly EmbeddingSnapshotInfo[];
  index: number;
  onChange: (index: number) => void;
}

/** One stop per snapshot; play walks through them so the clusters can be watched forming. */
export function EpochSlider({ snapshots, index, onChange }: EpochSliderProps) {
  const [playing, setPlaying] = useState(false);
  const last = snapshots.length - 1;
  const advance = useEffectEvent(() => onChange(index + 1));

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(advance, FRAME_MS);
    return () => clearTimeout(timer);
  }, [playing, index, last]);

  const play = () => {
    if (playing) return setPlaying(false);
    if (index >= last) onChange(0);
    setPlaying(true);
  };

  return (
    <div className="projector-epochs">
      <button type="button" className="projector-play" onClick={play} disabled={last < 1} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <StopSlider
        stops={snapshots.length}
        index={index}
        label="Snapshot"
        onChange={(i) => {
          setPlaying(false);
          onChange(i);
        }}
      />
      <span className="projector-epoch-label" data-testid="projector-snapshot">
        {snapshotLabel(snapshots[index])} <span className="muted">({index + 1}/{snapshots.length})</span>
      </span>
    </div>
  );
}

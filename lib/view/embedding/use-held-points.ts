import { useState } from 'react';

type Points = { x: number[]; y: number[] };

/**
 * The layout to draw: the current one, or while the next snapshot's layout loads, the last one
 * of the same tag, so the points stay up and then move to their new places instead of blinking.
 */
export function useHeldPoints(points: Points | null, tag: string | null): Points | null {
  const [held, setHeld] = useState<{ tag: string | null; points: Points } | null>(null);
  if (points && (held?.points !== points || held.tag !== tag)) setHeld({ tag, points });
  return points ?? (held && held.tag === tag ? held.points : null);
}

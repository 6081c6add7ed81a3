/**
 * Resolves at the start of the frame after the one that paints what the current task changed: by
 * then that frame is committed and drawn. Never in a hidden tab, which paints nothing.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

import { type Smoothing, smoothingAmount } from '../../compare/smoothing/smoothing';

/**
 * The smoothing every chart of the page draws with, held outside React: a slider change reaches
 * the charts inside the input event itself and they repaint there, all four in the same task,
 * instead of after a render of the page and an effect per chart. The page's state follows for the
 * address and the controls; a change that comes from there (back, forward, another method) is set
 * here too and, being the same, draws nothing twice.
 */
export class SmoothingChannel {
  private value: Smoothing;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Smoothing) {
    this.value = initial;
  }

  get current(): Smoothing {
    return this.value;
  }

  set(next: Smoothing): void {
    if (next.method === this.value.method && smoothingAmount(next) === smoothingAmount(this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Fetches with at most `limit` in flight and the urgent ones first: the first, coarse read of every
 * run goes ahead of the finer reads that refine them, and a zoom goes ahead of both.
 */
export class RequestQueue {
  private readonly waiting: { priority: number; start: () => void }[] = [];
  private running = 0;

  constructor(private readonly limit: number) {}

  /** Lower priority numbers run first; equal ones in the order they came. */
  run<T>(priority: number, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.next();
          });
      };
      let at = this.waiting.findIndex((w) => w.priority > priority);
      if (at < 0) at = this.waiting.length;
      this.waiting.splice(at, 0, { priority, start });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.limit && this.waiting.length > 0) this.waiting.shift()!.start();
  }
}

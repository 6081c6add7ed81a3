import type { WireRunSummary } from '../../../lib/kinds/scalar/run-summary';

/** The browser's WebSocket as the live socket uses it: the test delivers what the server would push. */
export class FakeSocket {
  static last: FakeSocket | null = null;
  static readonly CONNECTING = 0;
  readyState = 1;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(): void {}
  close(): void {}
  push(event: unknown): void {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
}

export function summary(id: string, extra: Partial<WireRunSummary> = {}): WireRunSummary {
  return {
    id, name: id, model: 'm', backend: '', config: {}, status: 'finished', error: null, startedAt: 0, updatedAt: 10, finishedAt: 10,
    heardAt: null, source: null, tags: [], note: '', archived: false, lastScalars: {}, ...extra,
  };
}

/** Puts the fake socket, a window and `fetch` in place of the browser's for the test; `t.after` puts them back. */
export function fakeBrowser(t: { after: (fn: () => void) => void }, fetch: typeof globalThis.fetch, extra: Record<string, unknown> = {}): void {
  const globals = globalThis as Record<string, unknown>;
  const names = ['WebSocket', 'window', 'fetch', ...Object.keys(extra)];
  const saved = Object.fromEntries(names.map((name) => [name, globals[name]]));
  Object.assign(globals, { WebSocket: FakeSocket, window: { location: { protocol: 'http:', host: 'localhost' } }, fetch, ...extra });
  t.after(() => Object.assign(globals, saved));
}

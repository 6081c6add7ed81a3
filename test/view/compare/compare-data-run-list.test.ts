import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WireRunSummary } from '../../../lib/kinds/scalar/run-summary';
import { CompareData } from '../../../lib/view/compare/compare-data';

/** The browser's WebSocket as the live socket uses it: the test delivers what the server would push. */
class FakeSocket {
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

function summary(id: string, extra: Partial<WireRunSummary> = {}): WireRunSummary {
  return {
    id, name: id, model: 'm', backend: '', config: {}, status: 'finished', error: null, startedAt: 0, updatedAt: 10, finishedAt: 10,
    heardAt: null, source: null, tags: [], note: '', archived: false, lastScalars: {}, ...extra,
  };
}

test('the run list pushed on connect changes nothing when it says what the server render did; a change to a shown run does', (t) => {
  const globals = globalThis as Record<string, unknown>;
  const saved = { WebSocket: globals.WebSocket, window: globals.window, fetch: globals.fetch };
  globals.WebSocket = FakeSocket;
  globals.window = { location: { protocol: 'http:', host: 'localhost' } };
  // The series reads wait forever: this test is about summaries.
  globals.fetch = () => new Promise(() => undefined);
  t.after(() => Object.assign(globals, saved));

  const runs = [summary('a'), summary('b')];
  const data = new CompareData(runs, { a: ['loss'], b: ['loss'] }, () => undefined);
  data.start();
  data.setRuns(['a', 'b']);
  let emitted = 0;
  data.subscribe(() => emitted++);
  const socket = FakeSocket.last!;
  socket.onopen?.();

  socket.push({ type: 'runs', runs: [...runs, summary('elsewhere')] });
  assert.equal(emitted, 0, 'the same summaries for the shown runs: no render');
  socket.push({ type: 'runs', runs: [summary('a', { name: 'renamed' }), summary('b')] });
  assert.equal(emitted, 1, 'a shown run renamed');
  assert.equal(data.summary('a')?.name, 'renamed');
  data.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompareData } from '../../../lib/view/compare/compare-data';
import { FakeSocket, fakeBrowser, summary } from './compare-data-fixture';

test('the run list pushed on connect changes nothing when it says what the server render did; a change to a shown run does', (t) => {
  // The series reads wait forever: this test is about summaries.
  fakeBrowser(t, () => new Promise(() => undefined));

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

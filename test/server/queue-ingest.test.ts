import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { IngestQueue } from '../../server/ingest-queue';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

function fakeSocket() {
  const calls: string[] = [];
  return { calls, socket: { pause: () => calls.push('pause'), resume: () => calls.push('resume') } as unknown as WebSocket };
}

test('queued ingest runs in arrival order, a slice at a time, letting other work in between', async () => {
  const queue = new IngestQueue();
  const { socket } = fakeSocket();
  const done: number[] = [];
  let doneWhenOtherWorkRan = -1;
  const finished = new Promise<void>((resolve) => {
    for (let i = 0; i < 40; i++) {
      queue.push(socket, () => {
        if (i === 0) setImmediate(() => (doneWhenOtherWorkRan = done.length));
        busy(2);
        done.push(i);
        if (i === 39) resolve();
      });
    }
  });
  assert.deepEqual(done, [], 'nothing runs inside the socket callback that queued it');
  await finished;
  assert.deepEqual(done, Array.from({ length: 40 }, (_, i) => i));
  assert.ok(doneWhenOtherWorkRan > 0 && doneWhenOtherWorkRan < 40, `work queued by the first message ran after ${doneWhenOtherWorkRan} of 40`);
});

test('a connection with too many messages waiting is paused, and resumed once they are stored', async () => {
  const queue = new IngestQueue();
  const { calls, socket } = fakeSocket();
  const seen: string[] = [];
  const finished = new Promise<void>((resolve) => {
    for (let i = 0; i < 20; i++) {
      queue.push(socket, () => {
        seen.push(calls.join(','));
        if (i === 19) resolve();
      });
    }
  });
  assert.deepEqual(calls, ['pause']);
  await finished;
  assert.deepEqual(calls, ['pause', 'resume']);
  assert.equal(seen.indexOf('pause,resume'), 15, 'resumed as the 16th runs, with four left waiting');
});

test('a closed queue drops what has not run', async () => {
  const queue = new IngestQueue();
  const { socket } = fakeSocket();
  let ran = 0;
  for (let i = 0; i < 5; i++) queue.push(socket, () => ran++);
  queue.close();
  queue.push(socket, () => ran++);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(ran, 0);
});

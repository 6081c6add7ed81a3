import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTagFilter } from '../../../lib/view/compare/tag-filter';
import { RequestQueue } from '../../../lib/view/compare/request-queue';

const TAGS = ['batch/loss', 'epoch/loss', 'epoch/val_loss', 'epoch/acc', 'lr'];

test('the tag filter is a substring or a /regex/, and a bad regex is a message, not a throw', () => {
  const text = parseTagFilter(' LOSS ');
  assert.ok(text.ok);
  assert.deepEqual(TAGS.filter(text.matches), ['batch/loss', 'epoch/loss', 'epoch/val_loss']);
  const regex = parseTagFilter('/^epoch\\/(val_)?loss$/g');
  assert.ok(regex.ok);
  // Twice: a g flag left in would make the second test() start where the first stopped.
  assert.deepEqual(TAGS.filter(regex.matches), ['epoch/loss', 'epoch/val_loss']);
  assert.deepEqual(TAGS.filter(regex.matches), ['epoch/loss', 'epoch/val_loss']);
  const bad = parseTagFilter('/(loss/');
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.error, /^not a regular expression: /);
  const none = parseTagFilter('');
  assert.ok(none.ok && TAGS.every(none.matches));
});

test('the request queue keeps to its limit and starts the most urgent waiting request first', async () => {
  const queue = new RequestQueue(2);
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      gates.set(name, () => resolve(name));
    });
  const done = [queue.run(1, task('a')), queue.run(1, task('b')), queue.run(2, task('fine')), queue.run(1, task('c')), queue.run(0, task('zoom'))];
  assert.deepEqual(started, ['a', 'b']);
  gates.get('a')!();
  await done[0];
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, ['a', 'b', 'zoom']);
  gates.get('b')!();
  gates.get('zoom')!();
  await Promise.all([done[1], done[4]]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, ['a', 'b', 'zoom', 'c', 'fine']);
  gates.get('c')!();
  gates.get('fine')!();
  assert.deepEqual(await Promise.all(done), ['a', 'b', 'fine', 'c', 'zoom']);
});

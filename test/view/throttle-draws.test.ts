import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { throttleDraws } from '../../lib/view/throttle-draws';

test('a lone request draws at once; requests during the cool-down fold into one later draw', async () => {
  let clock = 0;
  let draws = 0;
  // Each draw "takes" 40 ms of the fake clock, so the next may start 40 ms after it ended.
  const throttle = throttleDraws(() => {
    draws++;
    clock += 40;
  }, () => clock);
  throttle.request();
  assert.equal(draws, 1);
  throttle.request();
  throttle.request();
  throttle.request();
  assert.equal(draws, 1);
  await sleep(70);
  assert.equal(draws, 2);
  clock += 1_000;
  throttle.request();
  assert.equal(draws, 3);
});

test('cancel drops a pending draw', async () => {
  let clock = 0;
  let draws = 0;
  const throttle = throttleDraws(() => draws++, () => clock);
  throttle.request();
  throttle.request();
  throttle.cancel();
  await sleep(40);
  assert.equal(draws, 1);
});

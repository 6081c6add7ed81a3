import { test } from 'node:test';
import assert from 'node:assert/strict';
import { throttleDraws } from '../../../lib/view/shared/throttle-draws';

test('a lone request draws at once; requests during the cool-down fold into one later draw', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
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
  t.mock.timers.tick(39);
  assert.equal(draws, 1, 'not before the cool-down is over');
  t.mock.timers.tick(1);
  assert.equal(draws, 2, 'the folded requests draw once');
  clock += 1_000;
  throttle.request();
  assert.equal(draws, 3);
});

test('cancel drops a pending draw', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const clock = 0;
  let draws = 0;
  const throttle = throttleDraws(() => draws++, () => clock);
  throttle.request();
  throttle.request();
  throttle.cancel();
  t.mock.timers.tick(1_000);
  assert.equal(draws, 1);
});

test('a draw that had nothing to draw is followed by no wait', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let clock = 0;
  let ready = false;
  let draws = 0;
  const throttle = throttleDraws(() => {
    clock += 5;
    if (!ready) return false;
    draws++;
  }, () => clock);
  throttle.request();
  ready = true;
  throttle.request();
  assert.equal(draws, 1, 'the request after an empty draw draws at once');
  throttle.request();
  assert.equal(draws, 1, 'a real draw is still followed by its cool-down');
  t.mock.timers.tick(16);
  assert.equal(draws, 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LocalTime } from '../../../lib/view/shared/local-time';
import { formatClock, formatDateTime } from '../../../lib/view/shared/format';
import { isoTime } from '../../../lib/protocol/timestamp';

/** Rows stored before timestamps were bounded can hold these. */
const STORED_NANOSECONDS = 1.7e18;

test('a stored time no Date can hold renders instead of failing the page', () => {
  const html = renderToStaticMarkup(createElement(LocalTime, { ms: STORED_NANOSECONDS }));
  assert.match(html, /^<time title="1700000000000000000 is not a time in ms since the epoch">/);
  assert.equal(formatDateTime(STORED_NANOSECONDS), 'invalid time');
  assert.equal(formatClock(STORED_NANOSECONDS), 'invalid time');
  assert.equal(isoTime(STORED_NANOSECONDS), null);
});

test('a time in range renders as before', () => {
  const html = renderToStaticMarkup(createElement(LocalTime, { ms: Date.UTC(2025, 0, 2, 3, 4, 5) }));
  assert.match(html, /dateTime="2025-01-02T03:04:05.000Z"/);
  assert.notEqual(formatDateTime(Date.UTC(2025, 0, 2)), 'invalid time');
});

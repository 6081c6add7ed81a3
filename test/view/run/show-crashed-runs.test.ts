import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import '../../helpers/ignore-styles';
import { RunRow } from '../../../lib/view/run/run-row';
import { RunHeader } from '../../../lib/view/run/run-header';
import type { WireRunSummary } from '../../../lib/kinds/scalar/run-summary';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';

const crashed: WireRunSummary = {
  id: 'r1', name: 'vanished', model: 'mlp', backend: 'cpu', config: {}, status: 'crashed',
  error: 'no heartbeat since 2025-01-02T03:04:05.000Z', startedAt: Date.UTC(2025, 0, 2, 3), updatedAt: Date.UTC(2025, 0, 2, 3, 4),
  finishedAt: Date.UTC(2025, 0, 2, 3, 4, 5), heardAt: Date.UTC(2025, 0, 2, 3, 4, 5), source: null, tags: [], note: '', archived: false, lastScalars: {},
};

test('the run list shows a crashed run as crashed, with when it was last heard from', () => {
  const html = renderToStaticMarkup(createElement('table', null, createElement('tbody', null, createElement(RunRow, { run: crashed, now: null, selected: false, color: '#1f77b4', onSelect: () => {} }))));
  assert.match(html, /data-status="crashed"/);
  assert.match(html, /class="status status-crashed"[^>]*>.*crashed<\/span>/);
  assert.match(html, /last heard <time dateTime="2025-01-02T03:04:05.000Z"/);
  assert.match(html, /no heartbeat since 2025-01-02T03:04:05.000Z/);
});

test('the run page says when a run was last heard from', () => {
  // The header's run management asks for the router, which Next mounts around every page.
  const router = {} as AppRouterInstance;
  const html = renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, createElement(RunHeader, { run: crashed, live: 'live' })));
  assert.match(html, /<dt>Last heard from<\/dt><dd data-testid="run-heard-at"><time dateTime="2025-01-02T03:04:05.000Z"/);
  assert.match(html, /status-crashed/);
});

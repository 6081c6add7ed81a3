import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from '../../../lib/view/shared/escape-html';
import { formatLogOdds, wordTooltipHtml } from '../../../lib/view/embedding/word-tooltip';

test('escapeHtml leaves no markup-significant character', () => {
  assert.equal(escapeHtml(`<b>x</b> & "q" 'a'`), '&#60;b&#62;x&#60;/b&#62; &#38; &#34;q&#34; &#39;a&#39;');
  assert.equal(escapeHtml('plain'), 'plain');
});

test('a word is escaped in its tooltip, which shows its count and log-odds', () => {
  const labels = { words: ['good', '<img src=x onerror=alert(1)>'], counts: [1234, 5], logOdds: [0.8, -1.25] };
  const html = wordTooltipHtml(labels, 1);
  assert.ok(!html.includes('<img'), html);
  assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'), html);
  assert.ok(html.includes('<b>5</b>'));
  assert.ok(html.includes('<b>-1.25</b>'));
  assert.ok(wordTooltipHtml(labels, 0).includes('<b>1,234</b>'));
});

test('without sentiment the tooltip has no log-odds row', () => {
  const html = wordTooltipHtml({ words: ['a'], counts: [3], logOdds: null }, 0);
  assert.ok(!html.includes('log-odds'));
});

test('log-odds carry their sign', () => {
  assert.equal(formatLogOdds(0.5), '+0.50');
  assert.equal(formatLogOdds(-2), '-2.00');
  assert.equal(formatLogOdds(0), '0.00');
});

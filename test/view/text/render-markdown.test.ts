import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../../lib/view/text/render-markdown';

test('a Markdown table becomes an HTML table', () => {
  const html = renderMarkdown('| review | p(positive) |\n| --- | ---: |\n| great film | 0.97 |\n');
  assert.match(html, /<table>/);
  assert.match(html, /<th[^>]*>review<\/th>/);
  assert.match(html, /<td[^>]*>0\.97<\/td>/);
});

test('raw HTML is shown as text, never as elements', () => {
  const html = renderMarkdown('before <img src=x onerror="alert(1)"> and <script>alert(2)</script> after\n\n<div onclick="x()">block</div>');
  assert.doesNotMatch(html, /<img|<script|<div/i);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
});

test('javascript:, vbscript: and data: links lose their link; http ones keep it', () => {
  const html = renderMarkdown('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](vbscript:x) [d](data:text/html,x) <javascript:alert(1)> [e](https://example.org/)');
  assert.doesNotMatch(html, /href="(javascript|vbscript|data):/i);
  assert.match(html, /<a href="https:\/\/example\.org\/">e<\/a>/);
});

test('images are not rendered, so a step never fetches anything', () => {
  const html = renderMarkdown('![tracker](https://example.org/pixel.png)');
  assert.doesNotMatch(html, /<img/i);
});

test('emphasis, code and lists render as Markdown', () => {
  const html = renderMarkdown('**wrong** with `p=0.99`\n\n- one\n- two\n');
  assert.match(html, /<strong>wrong<\/strong>/);
  assert.match(html, /<code>p=0\.99<\/code>/);
  assert.match(html, /<li>two<\/li>/);
});

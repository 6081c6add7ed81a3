import MarkdownIt from 'markdown-it';

/**
 * Logged text is untrusted: it quotes reviews, file names, whatever a script wrote. Raw HTML stays
 * text (html: false), links keep markdown-it's check that refuses javascript:, vbscript:, file: and
 * data: URLs, and images are off, so showing a step never loads or runs anything.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');

/** TensorBoard's text dashboard renders Markdown with GitHub's tables; so does this. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

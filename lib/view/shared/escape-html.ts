/** For the few places that build HTML strings (ECharts tooltips): data such as words and tags is user input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

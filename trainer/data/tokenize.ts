// Letters/digits in any script, with apostrophes allowed only between them ("don't" stays one word,
// quotes around 'word' are dropped).
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
// IMDB reviews use HTML line breaks; left in, "<br />" would glue into the token "br".
const LINE_BREAK = /<br\s*\/?>/gi;
// Typographic and acute-accent apostrophes are common in the reviews ("don’t", "don´t").
const APOSTROPHE = /[\u2019\u00b4]/g;

/** Splits a review into lowercase word tokens; punctuation and markup line breaks are dropped. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(LINE_BREAK, ' ').replace(APOSTROPHE, "'").match(WORD) ?? [];
}

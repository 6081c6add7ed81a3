/**
 * The run filter's grammar: terms separated by spaces, all of which must match.
 *
 *   word | "quoted phrase"        free text, case-insensitive substring
 *   /pattern/flags                a JavaScript regex (flags g and y are dropped: they make test() stateful)
 *   key OP value                  OP is one of = == != > >= < <=; key and value may be quoted
 *
 * A bare word turns into a comparison at its first `=`, `!=`, `<` or `>`; quote a phrase to search
 * for those characters as text. Inside quotes a backslash keeps the next character as it is.
 * `>`, `>=`, `<`, `<=` need a number (nan, inf and -inf count); `=` and `!=` compare numbers as
 * numbers when both sides are numbers, and text otherwise.
 *
 * Errors carry the offset and length of the offending text, and their message says the column.
 */
export type FilterOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type FilterTerm =
  | { kind: 'text'; text: string }
  | { kind: 'regex'; regex: RegExp }
  | { kind: 'compare'; key: string; operator: FilterOperator; value: string; number: number | null };

export interface FilterError {
  message: string;
  /** Offset of the offending text in the filter, from 0. */
  position: number;
  length: number;
}

export type ParsedTerms = { ok: true; terms: FilterTerm[] } | { ok: false; error: FilterError };

const OPERATORS = ['!=', '>=', '<=', '==', '=', '>', '<'] as const;
const ORDERING: readonly FilterOperator[] = ['>', '>=', '<', '<='];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const SPECIAL_NUMBERS: Record<string, number> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity };

/** A number as the filter reads one, or null: `0.01`, `1e-3`, `nan`, `-inf`. */
export function parseFilterNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (NUMBER.test(t)) return Number(t);
  return Object.hasOwn(SPECIAL_NUMBERS, t) ? SPECIAL_NUMBERS[t] : null;
}

class SyntaxFailure {
  constructor(readonly error: FilterError) {}
}

function fail(message: string, position: number, length = 1): never {
  throw new SyntaxFailure({ message: `column ${position + 1}: ${message}`, position, length: Math.max(1, length) });
}

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  get atEnd(): boolean {
    return this.i >= this.text.length;
  }

  get atBreak(): boolean {
    return this.atEnd || /\s/.test(this.text[this.i]);
  }

  skipSpace(): void {
    while (!this.atEnd && /\s/.test(this.text[this.i])) this.i++;
  }

  operator(): FilterOperator | null {
    const op = OPERATORS.find((o) => this.text.startsWith(o, this.i));
    if (!op) return null;
    this.i += op.length;
    return op === '==' ? '=' : op;
  }

  quoted(): string {
    const start = this.i;
    const quote = this.text[this.i++];
    let out = '';
    while (!this.atEnd && this.text[this.i] !== quote) {
      if (this.text[this.i] === '\\' && this.i + 1 < this.text.length) this.i++;
      out += this.text[this.i++];
    }
    if (this.atEnd) fail(`unclosed ${quote}: add the closing ${quote}`, start, this.i - start);
    this.i++;
    if (!this.atBreak && !this.atOperator()) fail(`expected a space after the closing ${quote}`, this.i);
    return out;
  }

  bare(stopAtOperator: boolean): string {
    const start = this.i;
    while (!this.atBreak && !(stopAtOperator && this.atOperator())) this.i++;
    return this.text.slice(start, this.i);
  }

  atOperator(): boolean {
    return OPERATORS.some((o) => this.text.startsWith(o, this.i));
  }
}

function regexTerm(s: Scanner): FilterTerm {
  const start = s.i++;
  let inClass = false;
  while (!s.atEnd && (inClass || s.text[s.i] !== '/')) {
    const c = s.text[s.i];
    if (c === '\\') s.i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    s.i++;
  }
  if (s.atEnd) fail('unclosed /regex/: add the closing /', start, s.i - start);
  const pattern = s.text.slice(start + 1, s.i++);
  const flags = s.bare(false);
  if (pattern === '') fail('empty /regex/', start, 2);
  try {
    return { kind: 'regex', regex: new RegExp(pattern, flags.replace(/[gy]/g, '')) };
  } catch (e) {
    return fail(`invalid regex: ${(e as Error).message}`, start, s.i - start);
  }
}

function valueOf(s: Scanner, operator: FilterOperator, operatorAt: number): { value: string; number: number | null } {
  const start = s.i;
  if (s.atBreak) fail(`expected a value after '${operator}'`, operatorAt, s.i - operatorAt);
  const quote = s.text[s.i] === '"' || s.text[s.i] === "'";
  const value = quote ? s.quoted() : s.bare(false);
  const number = parseFilterNumber(value);
  if (ORDERING.includes(operator) && number === null) fail(`'${operator}' compares numbers, and "${value}" is not a number`, start, s.i - start);
  return { value, number };
}

function wordTerm(s: Scanner): FilterTerm {
  const start = s.i;
  const quote = s.text[s.i] === '"' || s.text[s.i] === "'";
  const word = quote ? s.quoted() : s.bare(true);
  const operatorAt = s.i;
  const operator = s.operator();
  if (!operator) return { kind: 'text', text: word };
  if (word === '') fail(`expected a key before '${operator}'`, start, operatorAt - start + operator.length);
  return { kind: 'compare', key: word, operator, ...valueOf(s, operator, operatorAt) };
}

export function parseFilterTerms(text: string): ParsedTerms {
  const s = new Scanner(text);
  const terms: FilterTerm[] = [];
  try {
    for (s.skipSpace(); !s.atEnd; s.skipSpace()) terms.push(s.text[s.i] === '/' ? regexTerm(s) : wordTerm(s));
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.error };
    throw e;
  }
  return { ok: true, terms };
}

/**
 * The search space of a sweep, from `--param name=KIND:ARGS` flags. Kinds follow Hyperopt's `hp.*`:
 *
 *   uniform:LOW:HIGH          any real in [LOW, HIGH]
 *   loguniform:LOW:HIGH       real in [LOW, HIGH], uniform in log space (0 < LOW)
 *   quniform:LOW:HIGH:Q       multiples of Q in [LOW, HIGH], each equally likely
 *   qloguniform:LOW:HIGH:Q    multiples of Q in [LOW, HIGH], log-scaled (0 < LOW)
 *   int:LOW:HIGH              integers LOW..HIGH inclusive (quniform with Q = 1 and integer bounds)
 *   choice:A,B,C              one of the listed values; numeric items are numbers, the rest strings
 *
 * The parse returns an error message naming the param instead of throwing: it is the CLI's edge.
 */

export type NumericKind = 'uniform' | 'loguniform' | 'quniform' | 'qloguniform' | 'int';
export type ParamValue = number | string;

export interface NumericParam {
  name: string;
  kind: NumericKind;
  low: number;
  high: number;
  /** Step of the quantised kinds (1 for int); absent for uniform and loguniform. */
  q?: number;
}

export interface ChoiceParam {
  name: string;
  kind: 'choice';
  choices: ParamValue[];
}

export type ParamSpec = NumericParam | ChoiceParam;
/** Ordered as given on the command line: the grid and the proposals follow this order. */
export type SearchSpace = ParamSpec[];

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Plain decimal literals only: Number() would also take '', ' ', '0x10' and 'Infinity'. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const KINDS = ['uniform', 'loguniform', 'quniform', 'qloguniform', 'int', 'choice'];

function decimal(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

function fail<T>(name: string, message: string): Parsed<T> {
  return { ok: false, error: `--param ${name}: ${message}` };
}

function parseChoices(name: string, list: string): Parsed<ParamSpec> {
  const items = list.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) return fail(name, `choice needs a comma-separated list without empty items, got "${list}"`);
  const choices = items.map((item): ParamValue => decimal(item) ?? item);
  const seen = new Set<ParamValue>();
  for (const choice of choices) {
    if (seen.has(choice)) return fail(name, `choice lists ${JSON.stringify(choice)} twice`);
    seen.add(choice);
  }
  if (choices.length < 2) return fail(name, 'choice needs at least two values (pass a single value as a plain flag)');
  return { ok: true, value: { name, kind: 'choice', choices } };
}

function parseNumeric(name: string, kind: NumericKind, args: string[]): Parsed<ParamSpec> {
  const quantised = kind === 'quniform' || kind === 'qloguniform';
  const usage = quantised ? `${kind}:LOW:HIGH:Q` : `${kind}:LOW:HIGH`;
  if (args.length !== (quantised ? 3 : 2)) return fail(name, `expected ${usage}, got ${kind}:${args.join(':')}`);
  const numbers = args.map(decimal);
  const bad = numbers.findIndex((n) => n === null || !Number.isFinite(n));
  if (bad >= 0) return fail(name, `"${args[bad]}" in ${usage} is not a finite number`);
  const [low, high, q] = numbers as number[];
  if (!(low < high)) return fail(name, `${kind} needs LOW < HIGH, got ${low} and ${high}`);
  if ((kind === 'loguniform' || kind === 'qloguniform') && low <= 0) return fail(name, `${kind} needs LOW > 0, got ${low}`);
  if (kind === 'int' && !(Number.isSafeInteger(low) && Number.isSafeInteger(high))) {
    return fail(name, `int needs integer bounds, got ${low} and ${high}`);
  }
  if (!quantised) return { ok: true, value: kind === 'int' ? { name, kind, low, high, q: 1 } : { name, kind, low, high } };
  if (!(q > 0)) return fail(name, `${kind} needs Q > 0, got ${q}`);
  if (Math.floor(high / q + 1e-9) < Math.ceil(low / q - 1e-9)) return fail(name, `no multiple of ${q} lies in [${low}, ${high}]`);
  return { ok: true, value: { name, kind, low, high, q } };
}

/** One `name=KIND:ARGS` flag value. */
export function parseParam(text: string): Parsed<ParamSpec> {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  if (eq < 0) return fail(name, 'expected name=KIND:ARGS, e.g. learningRate=loguniform:1e-4:1e-2');
  if (!NAME.test(name)) return fail(name, 'a param name starts with a letter and holds only letters, digits, - and _');
  const [kind, ...args] = text.slice(eq + 1).split(':');
  if (kind === 'choice') return parseChoices(name, args.join(':'));
  if (!KINDS.includes(kind)) return fail(name, `unknown kind "${kind}"; expected one of ${KINDS.join(', ')}`);
  return parseNumeric(name, kind as NumericKind, args);
}

/** Every `--param` flag of a sweep; a name given twice is an error. */
export function parseSpace(texts: readonly string[]): Parsed<SearchSpace> {
  if (texts.length === 0) return { ok: false, error: 'a sweep needs at least one --param' };
  const space: SearchSpace = [];
  for (const text of texts) {
    const parsed = parseParam(text);
    if (!parsed.ok) return parsed;
    if (space.some((spec) => spec.name === parsed.value.name)) return fail(parsed.value.name, 'given twice');
    space.push(parsed.value);
  }
  return { ok: true, value: space };
}

/** `{name}`, `{name:03d}`, `{name:.4f}`, `{name:8.2e}`: the subset of Python's format spec Keras paths use. */
const PLACEHOLDER = /\{(\w+)(?::(0?)(\d*)(?:\.(\d+))?([dfeg]?))?\}/g;

/**
 * Fills Keras' filepath placeholders, as ModelCheckpoint does with `filepath.format(epoch=epoch + 1, **logs)`:
 * `logs/checkpoints/run/epoch-{epoch:03d}-{val_loss:.4f}` → `logs/checkpoints/run/epoch-007-0.3812`.
 * An unknown name is an error naming the values there are, as Keras raises KeyError.
 */
export function formatFilepath(template: string, values: Record<string, number>): string {
  return template.replace(PLACEHOLDER, (_match, name: string, zero: string, width: string, precision: string | undefined, type: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`ModelCheckpoint: filepath "${template}" names {${name}}, which is not in the logs; available: ${Object.keys(values).join(', ')}`);
    }
    let text: string;
    if (type === 'd') text = String(Math.trunc(value));
    else if (type === 'e') text = exponential(value, precision === undefined ? 6 : Number(precision));
    else if (type === 'g') text = general(value, precision === undefined ? 6 : Number(precision));
    else if (type === 'f' || precision !== undefined) text = value.toFixed(precision === undefined ? 6 : Number(precision));
    else text = String(value);
    const pad = Number(width || 0);
    if (text.length >= pad) return text;
    if (!zero) return text.padStart(pad, ' ');
    const sign = text.startsWith('-') ? '-' : '';
    return sign + text.slice(sign.length).padStart(pad - sign.length, '0');
  });
}

/** Python writes the exponent with a sign and at least two digits: 3.81e-01, where JS writes 3.81e-1. */
function exponential(value: number, digits: number): string {
  return value.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Python's 'g': `precision` significant digits, in exponent form only for exponents below -4 or from `precision` up, trailing zeros dropped. */
function general(value: number, precision: number): string {
  const digits = Math.max(1, precision);
  const exponent = Number(value.toExponential(digits - 1).split('e')[1]);
  const text = exponent >= -4 && exponent < digits ? value.toFixed(digits - 1 - exponent) : exponential(value, digits - 1);
  return text.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
}

/**
 * `--logdir` arguments, as TensorBoard takes them: a folder, or `name:folder` pairs whose runs are
 * named `name/<path>` so that several logdirs can be shown side by side.
 */
import { basename, isAbsolute, resolve } from 'node:path';

export interface LogdirSpec {
  /** Prefix for the run names, or null for a single unnamed logdir (runs named by path alone). */
  name: string | null;
  /** Absolute folder. */
  dir: string;
}

/** `name:DIR` when the part before the first colon is a plain name (no slash, not a drive letter, not a URL). */
export function parseLogdirSpec(arg: string, cwd = process.cwd()): LogdirSpec {
  const colon = arg.indexOf(':');
  const name = arg.slice(0, colon);
  const rest = arg.slice(colon + 1);
  const isPair = colon > 1 && !name.includes('/') && !name.includes('\\') && !rest.startsWith('//');
  const dir = isPair ? rest : arg;
  return { name: isPair ? name : null, dir: isAbsolute(dir) ? dir : resolve(cwd, dir) };
}

/**
 * TensorBoard takes one unnamed logdir; with several, each unnamed one is named after its folder
 * (`runs`, `runs-2`, …) so their runs cannot collide.
 */
export function nameLogdirs(specs: readonly LogdirSpec[]): LogdirSpec[] {
  if (specs.filter((s) => s.name === null).length < 2) return [...specs];
  const taken = new Set(specs.flatMap((s) => (s.name === null ? [] : [s.name])));
  return specs.map((s) => {
    if (s.name !== null) return s;
    const base = basename(s.dir) || 'logdir';
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    return { ...s, name };
  });
}

/** TensorBoard's run name: the folder's path under the logdir, `.` for the logdir itself. */
export function runName(spec: LogdirSpec, relativeFolder: string): string {
  if (spec.name === null) return relativeFolder || '.';
  return relativeFolder ? `${spec.name}/${relativeFolder}` : spec.name;
}

import * as fs from 'fs';
import * as path from 'path';

// Our WASM SIMD kernels (C sources beside this file, built by build.sh into
// committed .wasm files) import tfjs-backend-wasm's memory, so they read and write
// tensors where they lie. One instance per memory and module; instantiation is
// synchronous since the modules are a few KB.

// tsc (dist/) copies no .wasm files, so a compiled trainer reads them from the sources.
const DIR = fs.existsSync(path.join(__dirname, 'build.sh')) ? __dirname : __dirname.replace(`${path.sep}dist${path.sep}`, path.sep);

const compiled = new Map<string, WebAssembly.Module>();
const instances = new WeakMap<WebAssembly.Memory, Map<string, WebAssembly.Instance>>();

function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/** The compiled module `name` for a shared or a plain memory (the import must say which). */
export function simdModule(name: string, shared: boolean): WebAssembly.Module {
  const file = path.join(DIR, `${name}${shared ? '.shared' : ''}.wasm`);
  let module = compiled.get(file);
  if (!module) {
    module = new WebAssembly.Module(fs.readFileSync(file));
    compiled.set(file, module);
  }
  return module;
}

/** The exports of module `name` instantiated over `memory`. */
export function simdExports<T>(name: string, memory: WebAssembly.Memory): T {
  const byName = instances.get(memory) ?? new Map<string, WebAssembly.Instance>();
  instances.set(memory, byName);
  let instance = byName.get(name);
  if (!instance) {
    instance = new WebAssembly.Instance(simdModule(name, isShared(memory)), { env: { memory } });
    byName.set(name, instance);
  }
  return instance.exports as T;
}

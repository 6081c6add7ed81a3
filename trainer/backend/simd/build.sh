#!/bin/sh
# Builds the WASM SIMD kernels (npm run build:wasm). Needs clang and lld with the
# wasm32 target (Debian: apt-get install clang lld); the .wasm files are committed so
# that nothing at run or test time needs the toolchain. Two builds of each source:
# tfjs-backend-wasm's threaded build has a shared memory (an import must say
# shared, with a maximum), its single-threaded build a plain one.
set -eu
cd "$(dirname "$0")"
FLAGS="--target=wasm32 -O3 -msimd128 -mbulk-memory -nostdlib -ffreestanding -Wl,--no-entry -Wl,--import-memory -Wl,--strip-all"
for src in *.c; do
  name="${src%.c}"
  clang $FLAGS -o "$name.wasm" "$src"
  clang $FLAGS -matomics -Wl,--shared-memory -Wl,--max-memory=4294967296 -o "$name.shared.wasm" "$src"
done

/** Standard normal draws from a uniform generator (Box–Muller), so generated data stays seeded. */
export function normalRandom(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

import fc from 'fast-check';

// CI runs a fixed sample so a failure always reproduces; set FUZZ_SEED and
// FUZZ_RUNS to explore further (`FUZZ_RUNS=500 npx vitest run packages/gandlf/src/fuzz`).
const env = typeof process !== 'undefined' ? process.env : {};
export const FUZZ_RUNS = Number(env.FUZZ_RUNS ?? 40);
fc.configureGlobal({ seed: Number(env.FUZZ_SEED ?? 20261123), numRuns: FUZZ_RUNS });

/** Shared by the benchmark seed and runner. */
export const BENCH_PASSWORD = 'bench-password-123'

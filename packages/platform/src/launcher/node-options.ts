/**
 * V8 options every part runs with, here and in the image (infra/Dockerfile's
 * NODE_OPTIONS says the same; a test keeps them in step).
 *
 * A 32 MB young generation (V8's default grows it to 16 MB): a request's
 * short-lived objects (rows, resolver results, JSON) die there instead of
 * being promoted, so fewer scavenges and old-space collections. Measured with
 * `pnpm bench --scenario list` on 2026-12-01 (BENCHMARKS.md, session 6):
 * 17.7-25.0 ms of CPU per list request across the parts against 20.8-26.6 ms
 * without it, for about 130 MB more resident memory across five processes.
 */
export const PART_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=32'];

/**
 * The names invariants go by, in a module with no imports so the configuration's validation can check
 * requirement names without loading the invariants themselves (start-up of `tapegrid validate`).
 */

/** Ids of the built-in invariants `tapegrid verify` proves, in the order reports list them. */
export const builtInInvariantIds = [
  'no-dual-ownership',
  'no-write-takeover-of-live-cluster',
  'write-protect-holds',
  'run-copies-made',
  'survives-loss-of-one-cluster',
  'scratch-safety',
  'dr-test-isolation',
] as const;

/** Stable names of the built-in invariants. */
export type BuiltInInvariantId = (typeof builtInInvariantIds)[number];

/** The form of a requirement's or a user invariant's id: lower-case words joined by "-" (replay strings split on ":" and "/"). */
export const invariantIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

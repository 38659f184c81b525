import type { Invariant } from '../invariant.js';
import { drTestIsolation } from './drTest.js';
import { noDualOwnership, noWriteTakeoverOfLiveCluster } from './ownership.js';
import { runCopiesMade, survivesLossOfOneCluster } from './rpo.js';
import { scratchSafety } from './scratch.js';
import { writeProtectHolds } from './writeProtect.js';

/** Every invariant, in the order reports list them. */
export const invariants: readonly Invariant[] = [
  noDualOwnership,
  noWriteTakeoverOfLiveCluster,
  writeProtectHolds,
  runCopiesMade,
  survivesLossOfOneCluster,
  scratchSafety,
  drTestIsolation,
];

export { drTestIsolation, noDualOwnership, noWriteTakeoverOfLiveCluster, runCopiesMade, scratchSafety, survivesLossOfOneCluster, writeProtectHolds };

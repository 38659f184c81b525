/**
 * Problems found in a configuration file: a union keyed by a stable `code`, with the field `path`,
 * what was expected and what was found (zod style). Rendering is in `reports/`.
 */

/** Stable codes of configuration problems. */
export type ConfigProblemCode =
  | 'file-unreadable'
  | 'syntax'
  | 'unknown-key'
  | 'missing'
  | 'invalid-type'
  | 'invalid-value'
  | 'out-of-range'
  | 'invalid-unit'
  | 'dimension-mismatch'
  | 'duplicate'
  | 'unknown-reference'
  | 'cluster-numbering'
  | 'copy-mode-length'
  | 'copy-mode-letter'
  | 'sync-point-count'
  | 'missing-link'
  | 'too-many-excluded-categories'
  | 'insert-category-excluded'
  | 'disk-only-physical'
  | 'category-role-conflict'
  | 'expire-time-conflict'
  | 'gdps-local-copy-point'
  | 'gdps-replication-at-job-end'
  | 'gdps-copy-modes-differ'
  | 'gdps-override-missing'
  | 'gdps-remote-devices-online'
  | 'share-sum'
  | 'weakened-run'
  | 'aotm-shared-network'
  | 'aotm-grace-period'
  | 'write-protect-production-category'
  | 'wot-during-dr-test'
  | 'undefined-class-at-mount-cluster'
  | 'no-copy-anywhere'
  | 'single-copy-survival-class'
  | 'write-takeover-at-several-survivors';

/** One problem. Warnings do not stop a command; errors do (exit code 2). */
export interface ConfigProblem {
  readonly severity: 'error' | 'warning';
  readonly code: ConfigProblemCode;
  /** Field path inside the file, e.g. ["clusters", 1, "cache"]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
  /** DOMAIN.md rule the check enforces, when it enforces one. */
  readonly rule?: string;
  /** Position in the file, when the parser knows it. */
  line?: number;
  column?: number;
}

/** Builds an error problem. */
export function configError(code: ConfigProblemCode, path: readonly (string | number)[], message: string, extra: Partial<Pick<ConfigProblem, 'expected' | 'found' | 'rule'>> = {}): ConfigProblem {
  return { severity: 'error', code, path, message, ...extra };
}

/** Builds a warning problem. */
export function configWarning(code: ConfigProblemCode, path: readonly (string | number)[], message: string, extra: Partial<Pick<ConfigProblem, 'expected' | 'found' | 'rule'>> = {}): ConfigProblem {
  return { severity: 'warning', code, path, message, ...extra };
}

/** Edit distance, for "did you mean" hints on unknown keys. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The closest known name to `unknown`, if it is close enough to be a likely typo. */
export function didYouMean(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(unknown, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(unknown.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

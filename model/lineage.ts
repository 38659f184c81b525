/**
 * Version lineage of a volume's data and metadata. Every change creates a child of the version it
 * was made on; two versions neither of which descends from the other mean two clusters changed the
 * same volume independently: the split brain of OWN-11.
 */

/** Whether `descendant` is `ancestor` or descends from it in the `parent` array. */
export function descendsFrom(parent: readonly number[], descendant: number, ancestor: number): boolean {
  let current = descendant;
  while (current >= 0) {
    if (current === ancestor) return true;
    current = parent[current] ?? -1;
  }
  return false;
}

/** Whether two versions lie on one line of history (one descends from the other). */
export function onOneLine(parent: readonly number[], a: number, b: number): boolean {
  return descendsFrom(parent, a, b) || descendsFrom(parent, b, a);
}

/** Appends a child of `from` and returns its number. */
export function newVersion(parent: number[], from: number): number {
  parent.push(from);
  return parent.length - 1;
}

/** The newer of two versions on one line, or null when they diverged. */
export function newerOf(parent: readonly number[], a: number, b: number): number | null {
  if (descendsFrom(parent, a, b)) return a;
  if (descendsFrom(parent, b, a)) return b;
  return null;
}

/**
 * "Did you mean" for mistyped commands and options: the closest known name by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, which is how fingers slip), within
 * a third of the word's length; a known name the word starts, or that starts the word, also counts.
 */

/** Optimal string alignment distance between two words. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (__, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      const here = table[row] as number[];
      const above = table[row - 1] as number[];
      let best = Math.min((above[column] ?? 0) + 1, (here[column - 1] ?? 0) + 1, (above[column - 1] ?? 0) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) best = Math.min(best, ((table[row - 2] as number[])[column - 2] ?? 0) + 1);
      here[column] = best;
    }
  }
  return (table[rows - 1] as number[])[columns - 1] ?? 0;
}

/** The known name closest to `word`, or null when none is close enough. */
export function closest(word: string, known: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (best === null || distance < best.distance) best = { name, distance };
  }
  if (best !== null && best.distance <= Math.max(1, Math.floor(word.length / 3))) return best.name;
  const prefixed = known.filter((name) => word.length >= 3 && (name.startsWith(word) || word.startsWith(name)));
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}

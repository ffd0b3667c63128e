/**
 * The known name closest to a misspelt one, for "did you mean". `_` and `-` count as the same
 * character and case is ignored, so `project-id` finds the peer's `project_id` at once.
 */
export function nearestName(unknown: string, known: readonly string[]): string | undefined {
  const target = normalise(unknown);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(target, normalise(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

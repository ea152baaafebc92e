/** Nearest-name suggestions for misspelt keys, actions and parameter paths. */

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const w = n + 1;
  const d = new Array<number>((m + 1) * w).fill(0);
  const at = (i: number, j: number): number => d[i * w + j] ?? 0;
  for (let i = 0; i <= m; i++) d[i * w] = i;
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * w + j] = v;
    }
  }
  return at(m, n);
}

/** Names longer than this get no suggestion (edit distance is quadratic in length). */
export const MAX_SUGGESTED_LENGTH = 64;

/** The valid name nearest to `name`, if it is close enough to be a likely typo. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  // No typo is that long: skip the quadratic comparison for long names.
  if (name.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dist = editDistance(lower, c.toLowerCase());
    if (dist < bestDistance) {
      bestDistance = dist;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` did you mean "x"?` or "" — ready to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const s = nearest(name, candidates);
  return s === undefined ? "" : `; did you mean ${JSON.stringify(s)}?`;
}

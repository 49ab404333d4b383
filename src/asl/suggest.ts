/** "Did you mean" for names: the closest candidate by edit distance, only when it is close. */

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1, so "Chrage" is one
 * edit from "Charge". Counts code points, so a name with emoji is measured as it reads.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  // Three rows suffice: the transposition step looks two rows back.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = new Array<number>(t.length + 1);
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length];
}

/**
 * The candidate closest to `name`, or undefined when none is close enough. A candidate that
 * differs only in letter case always wins; otherwise the allowed distance grows with the length
 * (a third of the longer name, at least 1), so short names need a near-exact match. Ties go to
 * the alphabetically first candidate, so the message is the same on every run.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const sorted = [...new Set(candidates)].filter((c) => c !== name).sort();
  const folded = sorted.find((c) => c.toLowerCase() === name.toLowerCase());
  if (folded !== undefined) return folded;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of sorted) {
    const limit = Math.max(1, Math.floor(Math.max([...name].length, [...candidate].length) / 3));
    const distance = editDistance(name, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

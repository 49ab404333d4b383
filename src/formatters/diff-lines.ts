/**
 * A unified diff of two texts (Myers' O(ND) algorithm on lines, hunks with 3 lines of context),
 * in the form `git diff` and `patch` read, "\ No newline at end of file" included.
 */

export interface DiffLine {
  readonly kind: ' ' | '-' | '+';
  /** The line with its line break, if it has one. */
  readonly text: string;
}

/** Splits `text` into lines that keep their `\n` (the last one may lack it). */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The shortest edit script turning `a` into `b`, as kept, removed and added lines in order. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  let v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= n + m && found < 0; d++) {
    trace.push(v.slice());
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && next[k - 1 + offset] < next[k + 1 + offset]) ? next[k + 1 + offset] : next[k - 1 + offset] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[k + offset] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  // Walk back through the snapshots, from the end of both texts to their start.
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snapshot = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && snapshot[k - 1 + offset] < snapshot[k + 1 + offset]) ? k + 1 : k - 1;
    const prevX = snapshot[prevK + offset];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push({ kind: ' ', text: a[x] });
    }
    if (x === prevX) out.push({ kind: '+', text: b[--y] });
    else out.push({ kind: '-', text: a[--x] });
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ kind: ' ', text: a[x] });
  }
  return out.reverse();
}

/** The hunks (`@@ -l,s +l,s @@` and their lines) of the diff from `before` to `after`; empty when equal. */
export function unifiedHunks(before: string, after: string, context = 3): string[] {
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return [];
  // Group changes whose context would touch or overlap into one hunk.
  const groups: [number, number][] = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] <= 2 * context + 1) last[1] = i;
    else groups.push([i, i]);
  }
  // Line numbers (0-based) in each text at each op index.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  return groups.map(([first, last]) => {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length - 1, last + context);
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    // A range of zero lines is numbered after the line it follows, as in GNU diff.
    const oldStart = oldCount === 0 ? oldAt[start] : oldAt[start] + 1;
    const newStart = newCount === 0 ? newAt[start] : newAt[start] + 1;
    const lines = slice.map((op) => (op.text.endsWith('\n') ? `${op.kind}${op.text}` : `${op.kind}${op.text}\n\\ No newline at end of file\n`));
    return `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${lines.join('')}`;
  });
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

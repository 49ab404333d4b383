/** Which state each lint message is about: the innermost state whose text holds its position. */
import type { LintMessage } from '../engine/types';
import type { LineIndex, Position } from '../model/positions';
import type { State, StateMachine } from '../model/types';

/** The sorted, distinct rule ids of the messages that fall inside each state of `machine`. */
export function problemsByState(machine: StateMachine, messages: readonly LintMessage[], lines: LineIndex): Map<State, string[]> {
  const spans = machine.states().map((state) => ({
    state,
    start: lines.locate(state.key.range[0]),
    end: lines.locate(state.node.range[1]),
  }));
  const found = new Map<State, Set<string>>();
  for (const m of messages) {
    if (!m.ruleId) continue;
    const at = { line: m.line, column: m.column };
    const holders = spans.filter((s) => !before(at, s.start) && before(at, s.end));
    // Nested states come later in the list and start later: the last holder is the innermost.
    const innermost = holders.reduce<(typeof spans)[number] | undefined>((best, s) => (!best || before(best.start, s.start) ? s : best), undefined);
    if (!innermost) continue;
    const ids = found.get(innermost.state) ?? new Set<string>();
    ids.add(m.ruleId);
    found.set(innermost.state, ids);
  }
  return new Map([...found].map(([state, ids]) => [state, [...ids].sort()]));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** Mermaid `flowchart` text for a machine graph (renders on GitHub in a ```mermaid block). */
import { END_ID, START_ID, type GraphEdge, type GraphMember, type MachineGraph } from './machine-graph';

export function toMermaid(graph: MachineGraph): string {
  const lines = ['flowchart TD', `  ${START_ID}((start))`, `  ${END_ID}((end))`];
  const problemIds: string[] = [];
  const batchBoxes: string[] = [];
  const member = (m: GraphMember, indent: string): void => {
    if (m.kind === 'node') {
      const problems = m.problems.map((id) => `<br/>⚠ ${id}`).join('');
      lines.push(`${indent}${m.id}["${escape(m.name)}<br/><i>${escape(m.type)}</i>${escape(problems, false)}"]`);
      if (m.problems.length > 0) problemIds.push(m.id);
      return;
    }
    lines.push(`${indent}subgraph ${m.id} ["${escape(m.label)}"]`);
    if (m.batchGroup) batchBoxes.push(m.id);
    for (const inner of m.members) member(inner, `${indent}  `);
    lines.push(`${indent}end`);
  };
  for (const m of graph.members) member(m, '  ');
  for (const e of graph.edges) lines.push(`  ${edge(e)}`);
  if (problemIds.length > 0) lines.push('  classDef problem stroke:#d73a49,stroke-width:3px', `  class ${problemIds.join(',')} problem`);
  if (batchBoxes.length > 0) lines.push('  classDef batchGroup stroke:#0366d6,stroke-width:3px', `  class ${batchBoxes.join(',')} batchGroup`);
  return `${lines.join('\n')}\n`;
}

function edge(e: GraphEdge): string {
  const arrow = e.style === 'catch' ? '-.->' : e.style === 'enter' ? '==>' : '-->';
  return e.label ? `${e.from} ${arrow}|"${escape(e.label)}"| ${e.to}` : `${e.from} ${arrow} ${e.to}`;
}

/** Mermaid's entity escapes for text inside `"…"` (markup we add ourselves is passed with `html: false`). */
function escape(text: string, html = true): string {
  const quoted = text.replace(/"/g, '#quot;');
  return html ? quoted.replace(/</g, '#lt;').replace(/>/g, '#gt;') : quoted;
}

/** Graphviz DOT text for a machine graph (`dot -Tsvg`). */
import { END_ID, START_ID, type GraphEdge, type GraphMember, type MachineGraph } from './machine-graph';

export function toDot(graph: MachineGraph, name: string): string {
  const lines = [
    `digraph ${quote(name)} {`,
    '  rankdir=TB;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    `  ${START_ID} [shape=circle, label="start"];`,
    `  ${END_ID} [shape=doublecircle, label="end"];`,
  ];
  const member = (m: GraphMember, indent: string): void => {
    if (m.kind === 'node') {
      const label = [m.name, m.type, ...m.problems.map((id) => `⚠ ${id}`)].map(escape).join('\\n');
      lines.push(`${indent}${m.id} [label="${label}"${m.problems.length > 0 ? ', color=red, penwidth=2' : ''}];`);
      return;
    }
    lines.push(`${indent}subgraph cluster_${m.id} {`, `${indent}  label=${quote(m.label)};`);
    if (m.batchGroup) lines.push(`${indent}  style=bold; color=blue;`);
    for (const inner of m.members) member(inner, `${indent}  `);
    lines.push(`${indent}}`);
  };
  for (const m of graph.members) member(m, '  ');
  for (const e of graph.edges) lines.push(`  ${edge(e)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function edge(e: GraphEdge): string {
  const attributes = [e.style === 'catch' ? 'style=dashed' : e.style === 'enter' ? 'style=bold' : '', e.label ? `label=${quote(e.label)}` : ''].filter(Boolean);
  return `${e.from} -> ${e.to}${attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''};`;
}

function quote(text: string): string {
  return `"${escape(text)}"`;
}

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

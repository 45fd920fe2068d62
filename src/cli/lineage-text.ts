/**
 * `sparkify lineage` as text: the column, then the tree of columns it comes from (or goes to), each
 * with how and through which CTEs or ephemeral models. A column already shown is not expanded again.
 */
import { displayName, nodeKind } from '../lineage/node-names.js';
import type { LineageStep, LineageTree } from '../lineage/traverse.js';
import type { LineageColumnRef } from '../lineage/types.js';

/** The tree as lines of text, ending in a newline. */
export function formatLineageTree(tree: LineageTree): string {
  const lines = [`${columnName(tree.column)} (${nodeKind(tree.column.node)}, ${tree.direction})`];
  addChildren(lines, '', tree.steps, tree.unresolved);
  if (tree.steps.length === 0 && tree.unresolved.length === 0) {
    lines.push(tree.direction === 'upstream' ? '  (no upstream columns: a constant, or a column of a source or seed)' : '  (nothing reads it)');
  }
  return lines.join('\n') + '\n';
}

function addChildren(lines: string[], indent: string, steps: LineageStep[], unresolved: string[]): void {
  const children: Array<{ text: string; step?: LineageStep }> = [
    ...steps.map((step) => ({ text: stepText(step), step })),
    ...unresolved.map((reason) => ({ text: `? unresolved: ${reason}` })),
  ];
  children.forEach((child, i) => {
    const last = i === children.length - 1;
    lines.push(`${indent}${last ? '└── ' : '├── '}${child.text}`);
    if (child.step) addChildren(lines, indent + (last ? '    ' : '│   '), child.step.steps, child.step.unresolved);
  });
}

function stepText(step: LineageStep): string {
  const via = step.via.length > 0 ? ` via ${step.via.map(viaName).join(' › ')}` : '';
  const repeated = step.repeated ? ' (shown above)' : '';
  return `${columnName(step.column)}  ${step.how}${via}${repeated}`;
}

function columnName(ref: LineageColumnRef): string {
  return `${displayName(ref.node)}.${ref.column}`;
}

/** CTE names as they are; ephemeral model ids (`model.x`) as `x (ephemeral)`. */
function viaName(part: string): string {
  return part.startsWith('model.') ? `${displayName(part)} (ephemeral)` : part;
}

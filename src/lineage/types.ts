export interface LineageColumnRef { node: string; column: string }
export type LineageHow = 'passthrough' | 'rename' | 'transform' | 'aggregate' | 'filter' | 'join';
export interface LineageEdge { from: LineageColumnRef; how: LineageHow; via: string[] }
export interface ColumnLineage { column: string; edges: LineageEdge[]; unresolved: string[] }
export interface NodeLineage { node: string; columns: ColumnLineage[]; error?: string }
export type ProjectLineage = Record<string, NodeLineage>;

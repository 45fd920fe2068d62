/** Column-level lineage: the engine (computeLineage), its manifest adapter and transitive queries. */
export type { ColumnLineage, LineageColumnRef, LineageEdge, LineageHow, LineageInput, LineageInputNode, NodeLineage, ProjectLineage } from './types.js';
export { INDIRECT_HOWS } from './types.js';
export { computeLineage, type ComputeOptions } from './compute-lineage.js';
export { emptyLineageCache, LINEAGE_CACHE_VERSION, type LineageCache } from './lineage-cache.js';
export { computeLineageParallel, type ParallelOptions } from './parallel/compute-lineage-parallel.js';
export { lineageInputFromManifest, type WarehouseColumns } from './from-manifest.js';
export { downstreamOf, findColumn, upstreamOf, type LineageStep, type LineageTree, type TraverseOptions } from './traverse.js';

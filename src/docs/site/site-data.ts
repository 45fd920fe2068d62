/**
 * The data the docs page embeds: the artifacts flattened into what the page shows, one entry per
 * resource. Built in Node (build-site-data.ts), read in the browser (../client/); shared types only.
 */
import type { SourceLedger } from '../catalog/ledger-summary.js';
import type { NodeLineage } from '../../lineage/types.js';

/** Kinds of resources the site lists. */
export type SiteResourceType = 'model' | 'source' | 'seed' | 'snapshot' | 'test' | 'unit_test' | 'macro' | 'analysis' | 'operation' | 'sql_operation';

/** The last run of a node, from run_results.json. */
export interface SiteRunResult {
  status: string;
  /** Seconds. */
  executionTime: number;
  message?: string;
  startedAt?: string;
  completedAt?: string;
  failures?: number;
  rowsAffected?: number;
  /** Loaded sources: records skipped under maxerrors. */
  rejected?: number;
  /** Loaded sources: the files the loader read. */
  files?: number;
}

/** A column: documented (schema file), typed (catalog), tested, or all three. */
export interface SiteColumn {
  name: string;
  type?: string;
  /** Sanitised HTML rendered from the markdown description. */
  description: string;
  /** The description as plain text, for search. */
  text: string;
  /** Ids of the tests declared on the column. */
  tests: string[];
}

/** One statistic of the relation from the catalog (row count, size, ...). */
export interface SiteStat {
  id: string;
  label: string;
  value: string | number | boolean | null;
}

/** How a loaded source is loaded, and its last load. */
export interface SiteLoad {
  location: string;
  jsonpaths: string;
  lastLoad?: { files?: number; rows?: number; rejected?: number; loadedAt?: string };
}

/** What a test node tests. */
export interface SiteTest {
  kind: 'generic' | 'singular' | 'unit';
  /** Generic tests: `unique`, `relationships`, ... */
  testName?: string;
  attachedNode?: string;
  column?: string;
  kwargs?: Record<string, unknown>;
  severity?: string;
}

/** A resource of the project as the page shows it. */
export interface SiteNode {
  id: string;
  type: SiteResourceType;
  name: string;
  /** How the page titles it: `sparkify.staging_events` for a source table, else the name. */
  label: string;
  packageName: string;
  path: string;
  fqn: string[];
  sourceName?: string;
  relation?: string;
  /** table, view, ... (catalog), or the materialization. */
  materialized?: string;
  tags: string[];
  description: string;
  text: string;
  columns: SiteColumn[];
  parents: string[];
  children: string[];
  rawCode?: string;
  compiledCode?: string;
  stats: SiteStat[];
  owner?: string;
  load?: SiteLoad;
  /** A loaded source's load ledger, as read by docs generate. */
  ledger?: SourceLedger;
  run?: SiteRunResult;
  test?: SiteTest;
  /** Macros: argument names. */
  arguments?: string[];
  /** Tests on the node itself (not on one column), unit tests included. */
  tests: string[];
}

/** Everything the page embeds. */
export interface SiteData {
  project: { name: string; generatedAt: string; adapterType?: string; sparkifyVersion?: string };
  run?: { generatedAt: string; elapsedTime: number };
  nodes: SiteNode[];
  /** Column lineage of models and snapshots, by node id. */
  lineage: Record<string, NodeLineage>;
  /** Problems found while generating (an unknown doc() reference, ...), shown on the overview. */
  notices: string[];
}

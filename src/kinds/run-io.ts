/** The execute phase's I/O per node, as each node's kind provides it: feeds for COPY, files for errors. */
import type { Manifest } from '../manifest/manifest.js';
import type { PlanBase } from '../plan/types.js';
import { runPath } from '../run/artifacts.js';
import type { NodeFiles } from '../run/database-error.js';
import type { SourceFeed } from '../run/run-context.js';
import type { FeedContext } from './node-kind.js';
import type { NodePlan } from './node-plan.js';
import { kindOf } from './registry.js';

/** Opens the rows a COPY statement reads (Statement.copyFrom names a source or seed node). */
export function feedOpener(manifest: Manifest, context: FeedContext): (copyFrom: string) => SourceFeed {
  const opened = new Map<string, SourceFeed>(); // a node's first feed, which its later parts follow
  return (copyFrom) => {
    const [nodeId, part] = copyFrom.split('#');
    const node = manifest.nodes[nodeId];
    const kind = kindOf(node);
    if (!kind.openFeed) throw new Error(`internal: ${nodeId} has no rows to feed a COPY`);
    if (part) return kind.openFeed(node, context, { name: part, previous: opened.get(nodeId) });
    const feed = kind.openFeed(node, context);
    opened.set(nodeId, feed);
    return feed;
  };
}

/** The files a database error of a plan points at; a run step has only its run file. */
export function errorFilesOf(manifest: Manifest): (plan: PlanBase) => NodeFiles {
  return (plan) => {
    const node = manifest.nodes[plan.id];
    return node ? kindOf(node).errorFiles(plan as NodePlan, node) : { runFile: runPath(plan) };
  };
}

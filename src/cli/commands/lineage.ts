import { fail } from '../../diagnostics.js';
import { LineageErrors } from '../../lineage/error-codes.js';
import { computeLineageParallel, downstreamOf, lineageInputFromManifest, upstreamOf } from '../../lineage/index.js';
import { parseColumnArgument } from '../lineage-argument.js';
import { formatLineageTree } from '../lineage-text.js';
import type { GlobalOptions } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';

/** Options of `sparkify lineage`. */
export interface LineageOptions extends GlobalOptions {
  upstream?: boolean;
  downstream?: boolean;
  output?: string;
  /** False with --no-indirect: leave out filter and join edges. */
  indirect?: boolean;
}

/** `sparkify lineage MODEL.COLUMN`: the columns a column comes from (or feeds), from the compiled SQL. */
export async function lineageCommand(column: string, options: LineageOptions): Promise<number> {
  const format = options.output ?? 'text';
  if (format !== 'text' && format !== 'json') fail(LineageErrors.unknownOutput, `unknown --output '${format}'`, undefined, 'use text or json');
  const context = loadProjectContext(options);
  // Runs in this thread on small projects or machines; large ones spread over worker threads (same result).
  const lineage = await computeLineageParallel(lineageInputFromManifest(context.compiled.manifest));
  const ref = parseColumnArgument(column, lineage);
  const traverse = options.downstream ? downstreamOf : upstreamOf;
  const tree = traverse(lineage, ref, { indirect: options.indirect ?? true });
  context.output.raw(format === 'json' ? JSON.stringify(tree, null, 2) + '\n' : formatLineageTree(tree));
  return 0;
}

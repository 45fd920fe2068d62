/**
 * Relations named as the target's engine stores them. Redshift folds quoted names to lower case
 * ("ASCII letters in delimited identifiers are case-insensitive and are folded to lowercase",
 * https://docs.aws.amazon.com/redshift/latest/dg/r_names.html), so a model `DimTest` is the table
 * `dimtest` there: the manifest says so, and every plan and catalog lookup uses that spelling (a
 * lookup of 'DimTest' would find nothing and rebuild an incremental model in full every run).
 * PostgreSQL keeps a quoted name's case, and its relations are left as written.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Relation, SqlQuoting } from '../sql/quote.js';
import { foldRelation } from '../sql/quote.js';
import { CompileErrors } from './error-codes.js';

/** A node that creates a relation. */
interface RelationNode {
  id: string;
  name: string;
  path: string;
  relation: Relation;
}

/** Folds every node's relation; SPK139 when folding makes two relations written apart one. */
export function foldRelations(nodes: RelationNode[], quoting: SqlQuoting, diagnostics: Diagnostic[]): void {
  const first = new Map<string, { node: RelationNode; written: string }>();
  for (const node of nodes) {
    const written = `${node.relation.schema}.${node.relation.identifier}`;
    node.relation = foldRelation(node.relation, quoting);
    const folded = `${node.relation.schema}.${node.relation.identifier}`;
    const earlier = first.get(folded);
    if (!earlier) first.set(folded, { node, written });
    else if (earlier.written !== written) {
      diagnostics.push({
        code: CompileErrors.foldedNameTaken,
        message: `${node.id} (${written}) and ${earlier.node.id} (${earlier.written}) are the same relation ${folded} on this target, which folds names to lower case`,
        location: { file: node.path, line: 1 },
        node: node.id,
        hint: "rename one of them, or give one another alias: config(alias='...')",
      });
    }
  }
}

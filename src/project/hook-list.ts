/** The kind of on_run_start/on_run_end: SQL statements kept as written, rendered later by compile. */
import { isScalar, isSeq } from 'yaml';
import { deref, Rejection, wrongType } from '../config/node-values.js';
import type { Kind } from '../config/value-kinds.js';

/**
 * A statement or a list of statements. Unlike other config strings they are not rendered while
 * project.yml is read: compile renders them with the models' environment (ref, source, target).
 */
export const hookList: Kind<string[]> = {
  expected: 'a SQL statement or a list of them',
  read(node, scope) {
    const items = isSeq(node) ? node.items.map((item) => deref(item, scope)) : [node];
    const hooks: string[] = [];
    for (const item of items) {
      if (!isScalar(item) || typeof item.value !== 'string') return wrongType;
      if (item.value.trim() === '') return new Rejection('value', 'expected a SQL statement, got an empty string');
      hooks.push(item.value);
    }
    return hooks;
  },
};

import { closestName, type Diagnostic } from '../diagnostics.js';
import { GraphErrors } from './error-codes.js';
import { fnmatcher } from './fnmatch.js';
import type { SelectionFlag, SelectorCriteria } from './selector.js';
import { selectorMethod } from './selector-methods.js';
import type { Graph } from './types.js';

/** SPK211: a selector matched no node; the hint names the closest thing the method could match. */
export function noMatch(graph: Graph, flag: SelectionFlag, criteria: SelectorCriteria): Diagnostic {
  return {
    code: GraphErrors.noMatch,
    message: `${flag} '${criteria.raw}' matches no node`,
    hint: sourceHint(graph, criteria) ?? closestHint(graph, criteria),
  };
}

function closestHint(graph: Graph, criteria: SelectorCriteria): string | undefined {
  const method = selectorMethod(criteria.method);
  const candidates = new Set([...graph.nodes.values()].flatMap((node) => method.candidates(node)));
  const suggestion = closestName(criteria.value, [...candidates].sort());
  if (suggestion === undefined) return undefined;
  const prefix = criteria.method === 'name' ? '' : `${criteria.method}:`;
  return `did you mean '${prefix}${suggestion}'?`;
}

/** A bare name only matches models; point at `source:` when it names a source table. */
function sourceHint(graph: Graph, criteria: SelectorCriteria): string | undefined {
  if (criteria.method !== 'name') return undefined;
  const matches = fnmatcher(criteria.value);
  const source = [...graph.nodes.values()].find((node) => node.sourceName !== undefined && matches(node.name));
  if (source === undefined) return undefined;
  return `'${criteria.value}' is a source table; select it with source:${source.sourceName}.${criteria.value}`;
}

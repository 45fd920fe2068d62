import type { NodeResult } from '../run/node-result.js';

export { SPARKIFY_VERSION } from '../version.js';

export { runResultsDocument } from './artifact-documents.js';

/** `PASS=7 WARN=0 ERROR=0 SKIP=0 TOTAL=7`: passed tests count as PASS, failed ones as ERROR (as in dbt). */
export function tally(results: NodeResult[]): string {
  const count = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  return `PASS=${count('success', 'pass')} WARN=${count('warn')} ERROR=${count('error', 'fail')} SKIP=${count('skipped')} TOTAL=${results.length}`;
}

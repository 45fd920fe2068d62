/** Colours of resource types and run statuses, shared by the canvas and the CSS (site/styles.ts). */
export const TYPE_COLORS: Record<string, string> = {
  model: '#2563eb',
  source: '#059669',
  seed: '#d97706',
  snapshot: '#7c3aed',
  test: '#64748b',
  unit_test: '#64748b',
  macro: '#0891b2',
  analysis: '#db2777',
};

/** Status dot colours: ok, warn, error, skip. */
export const STATUS_COLORS: Record<string, string> = { ok: '#16a34a', warn: '#d97706', error: '#dc2626', skip: '#94a3b8' };

/** The accent of focus and highlights. */
export const ACCENT = '#f59e0b';

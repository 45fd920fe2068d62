/**
 * Diagnostic codes of the Jinja layer (SPK15x, part of the 1xx templates-and-compile range).
 * Errors of Python operations inside templates (`'a' + 1`, unpacking the wrong count) are template
 * errors (SPK110) with Python's wording.
 */
export const JinjaErrors = {
  /** A template called exceptions.raise_compiler_error (or raise_not_implemented). */
  raisedByTemplate: 'SPK150',
  /** Warning: a template called exceptions.warn. */
  templateWarning: 'SPK151',
  /** doc('name') names no `{% docs %}` block. */
  unknownDoc: 'SPK153',
  /** Two `{% docs %}` blocks have the same name. */
  duplicateDoc: 'SPK154',
  /** A run-time render kept asking new introspection questions past the limit. */
  introspectionLoop: 'SPK155',
  /** A `{% docs %}` block without a name or without its `{% enddocs %}`. */
  badDocBlock: 'SPK156',
  /** `execute` is true but the render has no warehouse to introspect. */
  noIntrospector: 'SPK157',
  /** adapter.dispatch(name) finds no `<type>__name` nor `default__name` (as compile's own dispatch). */
  noImplementation: 'SPK126',
} as const;

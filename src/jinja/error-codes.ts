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

/** Error codes of rendering templates (SPK11x-12x). */
export const TemplateErrors = {
  /** A template does not render (syntax, undefined name, an error raised inside). */
  renderFailed: 'SPK110',
  /** `ref('x')` names no model. */
  unknownRef: 'SPK120',
  /** `ref()` is called with something that is not a string. */
  badRef: 'SPK121',
  /** `source('s', 't')` names a table that is not declared. */
  unknownSource: 'SPK122',
  /** `var('x')` names a var that is not defined, and no default is given. */
  unknownVar: 'SPK123',
  /** A model (or snapshot) refs a model that is disabled. */
  refToDisabled: 'SPK125',
  /** `env_var('X')` names an unset variable, and no default is given. */
  unsetEnvVar: 'SPK124',
} as const;

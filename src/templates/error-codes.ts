/** Error codes of template rendering (SPK11x-12x); listed in docs/errors.md. */
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

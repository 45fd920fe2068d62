/**
 * Diagnostic codes of the project-reading phase (SPK0xx). Kept in one place so docs/errors.md
 * and the tests can list them; later phases use their own hundreds.
 */
export const ProjectErrors = {
  /** project.yml not found or a config file not readable. */
  missingFile: 'SPK001',
  /** `--vars` is not valid YAML/JSON or not a mapping. */
  badVars: 'SPK002',
  /** `env_var('X')` with X unset and no default. */
  unsetEnvVar: 'SPK003',
  /** `var('x')` with no such var and no default. */
  unknownVar: 'SPK004',
  /** Any other templating error in a config value (syntax, undefined name). */
  badTemplate: 'SPK005',
  /** The file is not valid YAML. */
  yamlSyntax: 'SPK010',
  /** The top level of the file is not a mapping. */
  notAMapping: 'SPK011',
  /** A required key is absent. */
  missingKey: 'SPK012',
  /** A value has the wrong type (a string where a list was expected, ...). */
  wrongType: 'SPK013',
  /** A key that is not part of the format (usually a typo). */
  unknownKey: 'SPK014',
  /** A target `type` that no adapter provides. */
  unknownTargetType: 'SPK015',
  /** `--target`, SPARKIFY_TARGET or `default_target` names no defined target. */
  unknownTarget: 'SPK016',
  /** Two sources, tables or columns with the same name. */
  duplicateName: 'SPK017',
  /** A value of the right type but outside what is allowed (negative maxerrors, bad URL, ...). */
  invalidValue: 'SPK018',
  /** A target's config_file (dwh.cfg) cannot be read, or lacks a value a template asks for. */
  configFile: 'SPK019',
  /** Warning: the config_file is missing or lacks a value, so compile prints a placeholder. */
  placeholder: 'SPK008',
  /** Warning: a dbt_project.yml or profiles.yml key that sparkify reads but does not apply yet. */
  dbtUnsupported: 'SPK040',
  /** A folder holds both project.yml and dbt_project.yml. */
  bothProjectFiles: 'SPK041',
  /** Warning: dbt_project.yml's require-dbt-version excludes the dbt version sparkify follows. */
  dbtVersion: 'SPK042',
  /** profiles.yml is missing, or lacks the project's profile or the chosen target. */
  profileNotFound: 'SPK043',
  /** A profiles.yml output sparkify cannot connect with (an unknown type, IAM authentication). */
  profileUnsupported: 'SPK044',
} as const;

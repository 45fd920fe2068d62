/** Error codes of compiling models (SPK10x, SPK12x-13x); listed in docs/errors.md. */
export const CompileErrors = {
  /** Two model files have the same file name, and so the same model name. */
  duplicateModel: 'SPK101',
  /** A dispatched macro has no implementation for the target type. */
  noImplementation: 'SPK126',
  /** A macro is defined both plainly and per dialect. */
  dispatchConflict: 'SPK127',
  /** config() has a key sparkify does not know. */
  unknownConfigKey: 'SPK130',
  /** `materialized` is not a known materialization. */
  unknownMaterialization: 'SPK131',
  /** `incremental_strategy` is not a known strategy. */
  unknownStrategy: 'SPK132',
  /** An incremental model's unique_key is invalid or missing. */
  badUniqueKey: 'SPK133',
  /** on_schema_change is not supported. */
  onSchemaChange: 'SPK134',
  /** `run-operation` names a macro the project does not define, or the macro failed to render. */
  badOperation: 'SPK128',
  /** pre_hook/post_hook is not a string or a list of strings. */
  badHook: 'SPK135',
  /** An ephemeral model has hooks, which would never run. */
  ephemeralHooks: 'SPK136',
  /** A source's JSONPaths file lies under its own location, which would read it as data. */
  jsonpathsUnderData: 'SPK138',
  /** Two relations written apart are one once the engine folds their names (Redshift: `Users` and `users`). */
  foldedNameTaken: 'SPK139',
  /** A source column is named with the prefix of the staging table's own columns (`_sparkify_`, the load id). */
  reservedColumn: 'SPK144',
} as const;

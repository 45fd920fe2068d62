/**
 * Diagnostic codes of unit tests (SPK68x, in the data-test hundreds). Shape problems of the YAML
 * (unknown key, wrong type) use the project reader's codes (SPK013, SPK014, SPK018).
 */
export const UnitTestErrors = {
  /** A unit test names a model that does not exist. */
  unknownModel: 'SPK680',
  /** A `given` input is not ref()/source()/this, or names a relation the model does not read. */
  badInput: 'SPK681',
  /** Rows that cannot be read: a CSV that does not parse, a missing fixture file, the sql format. */
  badRows: 'SPK682',
  /** Two unit tests of one model share a name. */
  duplicateName: 'SPK683',
  /** An override that cannot apply: is_incremental not a boolean, a macro that does not exist. */
  badOverride: 'SPK684',
  /** The model's rows differ from the expected ones. */
  failed: 'SPK685',
  /** A given or expected column that the input or the model's result does not have. */
  unknownColumn: 'SPK686',
  /** The in-memory database refused a statement: a fixture, a given value, the model's SQL. */
  databaseError: 'SPK687',
} as const;

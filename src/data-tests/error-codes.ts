/**
 * Diagnostic codes of data tests (SPK6xx). Schema-file syntax and shape problems use the project
 * reader's codes (SPK010–SPK018); these are what only compile or a run can tell.
 */
export const TestErrors = {
  /** A schema file documents a model that does not exist. */
  unknownModel: 'SPK601',
  /** Two schema files document the same model. */
  modelDocumentedTwice: 'SPK602',
  /** A test name that is neither built in nor a `test_<name>` macro. */
  unknownTest: 'SPK603',
  /** A required argument of a generic test is missing. */
  missingArgument: 'SPK604',
  /** An argument the generic test does not take. */
  unknownArgument: 'SPK605',
  /** An argument of the wrong shape (`values` not a list, `to` not a ref, ...). */
  invalidArgument: 'SPK606',
  /** Two tests end up with the same name. */
  duplicateTest: 'SPK607',
  /** A `test_<name>` macro without `model`, or one that failed to render. */
  badTestMacro: 'SPK608',
  /** A singular test's config() is wrong, or it refs a disabled model. */
  badSingularTest: 'SPK609',
  /** `sparkify test` with a selection that holds no test. */
  noTestSelected: 'SPK610',
  /** A test of severity error failed. */
  testFailed: 'SPK620',
  /** A test warned. */
  testWarned: 'SPK621',
} as const;

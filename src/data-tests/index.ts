/** Data tests (issue 4): schema files, generic and singular tests compiled into queries of failing rows. */
export { compileDataTests, testGraphNode, type DataTestFiles, type DataTestInput } from './compile-data-tests.js';
export { readDataTestFiles } from './read-test-files.js';
export { TestErrors } from './error-codes.js';
export { testOutcome, outcomeMessage, meetsThreshold, type TestOutcome } from './thresholds.js';

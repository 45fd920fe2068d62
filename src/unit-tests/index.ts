/** Unit tests (dbt 1.8's): a model run on given rows in an in-memory PGlite, compared with expected rows. */
export { compileUnitTests, unitTestGraphNode, type CompiledUnitTests, type UnitTestCompileInput } from './compile-unit-tests.js';
export { planUnitTest, type UnitTestPlan } from './plan-unit-test.js';
export { runUnitTest } from './run-unit-test.js';
export { needsDatabase, UnitTestEngine } from './unit-test-engine.js';
export { unitTestsBeforeModels, withUnitTestGates, onlyUnitTests } from './unit-test-order.js';
export { noWarehouse } from './no-warehouse.js';
export { diffLines } from './format-diff.js';
export { UnitTestErrors } from './error-codes.js';
export type { UnitTestNode } from '../manifest/unit-test-node.js';

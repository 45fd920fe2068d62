import assert from 'node:assert/strict';
import { SparkifyError, type Diagnostic } from '../../src/diagnostics.js';

/** Runs `action`, asserts it throws a SparkifyError with exit code 2, and returns its diagnostics. */
export function diagnosticsOf(action: () => unknown): Diagnostic[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof SparkifyError, `expected a SparkifyError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error.diagnostics;
  }
  assert.fail('expected a SparkifyError');
}

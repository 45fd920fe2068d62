/** packages.yml and dependencies.yml read as dbt reads them: every kind of entry, env_var(), one file only. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { readPackageList } from '../../src/project/packages/packages-file.js';
import { tempDir } from '../support/temp-dir.js';

function folder(files: Record<string, string>): string {
  const root = tempDir('sparkify-packages-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

const withoutPositions = (specs: object[]) => specs.map((spec) => Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'at')));

test('every kind of entry is read; packages.yml renders env_var()', () => {
  const root = folder({
    'packages.yml': `packages:
  - local: ../utils
  - package: dbt-labs/dbt_utils
    version: [">=1.0.0", "<2.0.0"]
  - package: calogica/dbt_expectations
    version: 0.10
    install-prerelease: true
  - git: "https://{{ env_var('GIT_TOKEN') }}@github.com/acme/pkg.git"
    revision: v1.2
    subdirectory: sub
  - tarball: https://example.com/p.tar.gz
    name: p
  - private: acme/secret
`,
  });
  const list = readPackageList(root, { GIT_TOKEN: 'tok' });
  assert.equal(list?.file, 'packages.yml');
  assert.deepEqual(withoutPositions(list!.specs), [
    { kind: 'local', path: '../utils' },
    { kind: 'hub', package: 'dbt-labs/dbt_utils', versions: ['>=1.0.0', '<2.0.0'], prerelease: false },
    { kind: 'hub', package: 'calogica/dbt_expectations', versions: ['0.1'], prerelease: true },
    { kind: 'git', url: 'https://tok@github.com/acme/pkg.git', revision: 'v1.2', subdirectory: 'sub' },
    { kind: 'tarball', url: 'https://example.com/p.tar.gz', name: 'p' },
    { kind: 'private', repository: 'acme/secret' },
  ]);
  assert.deepEqual(list!.specs[1].at, { file: 'packages.yml', line: 3, column: 5 });
});

test('dependencies.yml may list projects too; listing packages in both files is SPK060', () => {
  const deps = folder({ 'dependencies.yml': 'projects:\n  - name: other\npackages:\n  - local: ../y\n' });
  assert.deepEqual(withoutPositions(readPackageList(deps, {})!.specs), [{ kind: 'local', path: '../y' }]);
  const both = folder({ 'dependencies.yml': 'packages:\n  - local: ../a\n', 'packages.yml': 'packages:\n  - local: ../b\n' });
  assert.throws(() => readPackageList(both, {}), (error: unknown) => error instanceof SparkifyError && error.diagnostics[0].code === 'SPK060');
  assert.equal(readPackageList(folder({ 'packages.yml': 'packages: []\n' }), {}), undefined);
});

test('an entry that names no package, or a hub name without its org, is reported at its line', () => {
  const root = folder({ 'packages.yml': 'packages:\n  - version: 1.0.0\n  - package: dbt_utils\n    version: 1.0.0\n' });
  assert.throws(() => readPackageList(root, {}), (error: unknown) => {
    assert.ok(error instanceof SparkifyError);
    assert.deepEqual(error.diagnostics.map((d) => [d.code, d.location?.line]), [['SPK012', 2], ['SPK018', 3]]);
    assert.match(error.diagnostics[1].message, /expected a dbt Hub name like dbt-labs\/dbt_utils, got 'dbt_utils'/);
    return true;
  });
});

/** `require-dbt-version`: a warning when the range excludes the dbt version sparkify follows. */
// The two functions, not the whole package (47 modules at start-up).
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { DBT_COMPATIBILITY_VERSION } from './dbt-compatibility.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { anything } from '../../config/value-kinds.js';

/** dbt accepts `">=1.5.0"`, `">=1.5.0,<2.0.0"` or a list of such ranges (all must hold). */
export function checkRequiredDbtVersion(project: MapReader): void {
  const value = project.get('require-dbt-version', anything);
  if (value === undefined || value === null) return;
  const ranges = (Array.isArray(value) ? value : [value]).map((range) => String(range).replace(/,/g, ' '));
  const failed = ranges.find((range) => validRange(range) === null || !satisfies(DBT_COMPATIBILITY_VERSION, range));
  if (failed === undefined) return;
  const message = `require-dbt-version ${JSON.stringify(value)} excludes dbt ${DBT_COMPATIBILITY_VERSION}, the version sparkify follows`;
  const hint = 'sparkify builds the project anyway; a feature of a newer dbt may be missing (see README "dbt project files")';
  project.scope.source.warnings.push({ code: ProjectErrors.dbtVersion, message, location: project.valueAt('require-dbt-version'), hint });
}

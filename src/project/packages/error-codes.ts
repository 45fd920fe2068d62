/** Error codes of packages: packages.yml, dbt_packages/ and `sparkify deps` (SPK06x); listed in docs/errors.md. */
export const PackageErrors = {
  /** Both packages.yml and dependencies.yml list packages. */
  twoPackageFiles: 'SPK060',
  /** packages.yml lists packages that are not installed in dbt_packages/ (run `sparkify deps`). */
  notInstalled: 'SPK061',
  /** A package's folder is not a dbt project (no dbt_project.yml), or a local package's path does not exist. */
  notAProject: 'SPK062',
  /** A hub or git package cannot be reached (no network, a timeout, a refused connection). */
  unreachable: 'SPK063',
  /** The hub or the git repository answers, but has no such package, version or revision. */
  notFound: 'SPK064',
  /** Two packages have the same name, or a package is named like the project. */
  duplicatePackage: 'SPK065',
  /** A package entry of a kind sparkify cannot install (`private:`), or a download that is not a package. */
  unsupported: 'SPK066',
} as const;

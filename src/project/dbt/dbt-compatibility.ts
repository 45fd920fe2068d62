/** The dbt version whose behaviour and artifact schemas sparkify follows (require-dbt-version is checked against it). */
export const DBT_COMPATIBILITY_VERSION = '1.10.0';

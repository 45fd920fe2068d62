/**
 * dbt's secret environment variables: the value of every `DBT_ENV_SECRET_*` variable is scrubbed from
 * what dbt prints (https://docs.getdbt.com/docs/build/environment-variables). They hold the tokens
 * of git package URLs (packages.yml) and passwords (profiles.yml), so sparkify scrubs them too.
 */

/** The prefix dbt gives secret environment variables. */
export const SECRET_ENV_PREFIX = 'DBT_ENV_SECRET_';

/** The values of the set `DBT_ENV_SECRET_*` variables of `env`. */
export function secretEnvValues(env: Record<string, string | undefined>): string[] {
  return Object.entries(env).filter(([name, value]) => name.startsWith(SECRET_ENV_PREFIX) && value).map(([, value]) => value!);
}

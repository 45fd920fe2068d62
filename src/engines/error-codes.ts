/** Error codes of the engines: targets, connections and locks (SPK4xx); listed in docs/errors.md. */
export const EngineErrors = {
  /** The embedded warehouse's data directory is locked by another process, or cannot be locked. */
  warehouseInUse: 'SPK401',
  /** A redshift target that cannot connect yet: no dwh.cfg, or a value missing from it. */
  redshiftNotConfigured: 'SPK403',
  /** Another build holds the target's build lock. */
  buildLocked: 'SPK404',
  /** The server cannot be reached. */
  unreachable: 'SPK410',
  /** The server refused the credentials. */
  authentication: 'SPK411',
  /** The database does not exist. */
  unknownDatabase: 'SPK412',
  /** TLS failed (certificate, or TLS refused). */
  tls: 'SPK413',
  /** Any other refusal of the connection. */
  refused: 'SPK414',
  /** The server asks for a password and the target, PGPASSWORD and ~/.pgpass give none. */
  noPassword: 'SPK415',
} as const;

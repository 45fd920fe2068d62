/** Error codes of the Redshift engine's plan (SPK14x, SPK356); listed in docs/errors.md. */
export const RedshiftErrors = {
  /** A source's location or jsonpaths is not an s3:// URL. */
  notOnS3: 'SPK140',
  /** A model's dist/diststyle/sort/sort_type config is invalid or contradictory. */
  badTableAttribute: 'SPK141',
  /** A source's maxerrors is above Redshift's MAXERROR limit. */
  maxerrorTooHigh: 'SPK142',
  /** A `jsonpaths: auto` source column with capitals: Redshift folds it, and 'auto' then matches only a lower-case key. */
  foldedAutoColumn: 'SPK143',
  /** `origin_columns: true` on a source: Redshift's COPY cannot say which file and line a row came from. */
  originColumns: 'SPK145',
  /** A value of a seed's CSV file does not fit its column's type. */
  seedValue: 'SPK356',
} as const;

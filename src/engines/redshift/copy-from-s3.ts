/**
 * Redshift's own COPY: the cluster reads the JSON files from S3 itself, so no rows pass through
 * sparkify. Syntax (https://docs.aws.amazon.com/redshift/latest/dg/r_COPY.html):
 *   COPY table [ (column, ...) ] FROM 's3://...' IAM_ROLE 'arn' [ FORMAT [AS] ] JSON { 'auto' | 'auto ignorecase' | 's3://jsonpaths' }
 *     [ REGION [AS] 'region' ] [ TIMEFORMAT [AS] '...' ] [ MAXERROR [AS] n ] [ TRUNCATECOLUMNS ]
 *     [ ACCEPTINVCHARS [AS] 'replacement_char' ]
 */
import { autoMapping } from '../../manifest/jsonpaths-mapping.js';
import type { SourceNode } from '../../manifest/manifest.js';
import { RedshiftErrors } from './error-codes.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { Relation } from '../../sql/quote.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';
import { foldName, quoteIdentifier, quoteRelation } from './redshift-quoting.js';

/** How the cluster reaches S3: the role it assumes and, when the target names one, the buckets' region. */
export interface S3Access {
  iamRole: string;
  region?: string;
  /** The target's `manifest_prefix`: where loads write the COPY manifest of the objects they read (copy-manifest.ts). */
  manifestPrefix?: string;
  /** Redshift Serverless: STL views hold nothing of its loads (the ledger's row counts stay NULL). */
  serverless?: boolean;
}

/** Code of a source path Redshift cannot read: a local path where an s3:// URL is needed. */
export const NOT_ON_S3 = RedshiftErrors.notOnS3;
/** Code of a source whose maxerrors is past what Redshift's COPY allows. */
export const MAXERROR_TOO_HIGH = RedshiftErrors.maxerrorTooHigh;

/**
 * The COPY of a source's files into `into`. Semantics match the PGlite loader, per
 * https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-conversion.html:
 * - no EMPTYASNULL/BLANKSASNULL: the loader keeps '' in varchar columns as '', and so does COPY
 *   without them; an empty field of a numeric column is NULL in both (the docs: "Blank fields for
 *   other data types, such as INT, are always loaded with NULL"), which is what `userId: ""` needs;
 * - TRUNCATECOLUMNS only when the source asks for it (`truncatecolumns: true`), as in the loader;
 * - TIMEFORMAT carries the source's setting;
 * - ACCEPTINVCHARS AS 'c' only when the source sets accept_invalid_chars: without it COPY fails on
 *   invalid UTF-8, as the loader does; with it each invalid byte becomes c, as in the loader;
 * - MAXERROR is maxerrors + 1: Redshift fails a load that "returns the error_count number of errors
 *   or greater" (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-load.html),
 *   while maxerrors is the number of bad records tolerated, as in the loader; 0 stays 0.
 * Column lists with JSON 'auto' are allowed: fields are matched to the listed columns by name
 * (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-column-mapping.html).
 * REGION only when the source or the target names one: "By default, COPY assumes that the data is
 * located in the same Region as the Amazon Redshift cluster", while with REGION "all resources …
 * must be located in the specified Region" (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-source-s3.html),
 * so a made-up default would break every bucket elsewhere.
 * With `manifest` (an s3:// URL) COPY reads the objects that manifest lists instead of every object
 * under the location: `FROM 'manifest url' IAM_ROLE '...' MANIFEST` (copy-parameters-data-source-s3.html).
 * Paths, role, region and time format are quoted with quoteRedshiftLiteral: a backslash in them
 * would otherwise escape the closing quote on Redshift.
 */
export function copyFromS3(source: SourceNode, into: Relation, access: S3Access, manifest?: string): string {
  const columns = source.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const mapping = quoteRedshiftLiteral(autoMapping(source.jsonpaths) ?? source.jsonpaths);
  const region = source.region ?? access.region;
  return [
    `COPY ${quoteRelation(into)} (${columns})`,
    `FROM ${quoteRedshiftLiteral(manifest ?? source.location)}`,
    `IAM_ROLE ${quoteRedshiftLiteral(access.iamRole)}`,
    ...(manifest ? ['MANIFEST'] : []),
    `FORMAT AS JSON ${mapping}`,
    ...(region ? [`REGION ${quoteRedshiftLiteral(region)}`] : []),
    `TIMEFORMAT AS ${quoteRedshiftLiteral(source.timeformat)}`,
    `MAXERROR ${maxError(source.maxerrors)}`,
    ...(source.truncatecolumns ? ['TRUNCATECOLUMNS'] : []),
    ...(source.acceptInvalidChars ? [`ACCEPTINVCHARS AS ${quoteRedshiftLiteral(source.acceptInvalidChars)}`] : []),
  ].join('\n');
}

/** Redshift's MAXERROR limit (copy-parameters-data-load.html). */
const MAXERROR_LIMIT = 100_000;

function maxError(maxerrors: number): number {
  return maxerrors === 0 ? 0 : maxerrors + 1;
}

/**
 * What keeps Redshift from loading the source: SPK140 for each path that is not an s3:// URL (the
 * cluster cannot read local files; nor a manifest written anywhere else), SPK143 for a capitalised column under `jsonpaths: auto`, SPK142
 * for a maxerrors past Redshift's MAXERROR limit.
 */
export function s3Problems(source: SourceNode, manifestPrefix?: string): Diagnostic[] {
  const where = { location: { file: source.path, line: source.line }, node: source.id };
  const paths: [string, string][] = [['location', source.location]];
  if (!autoMapping(source.jsonpaths)) paths.push(['jsonpaths', source.jsonpaths]);
  if (manifestPrefix !== undefined) paths.push(["the target's manifest_prefix", manifestPrefix]);
  const problems: Diagnostic[] = paths
    .filter(([, path]) => !path.startsWith('s3://'))
    .map(([key, path]) => ({
      code: NOT_ON_S3,
      message: `source ${source.sourceName}.${source.name}: ${key} '${path}' is not an s3:// URL, and Redshift's COPY reads only from S3`,
      ...where,
      hint: 'point the source at S3 for this target, e.g. a `vars:` block in the target that sets the location var to s3://bucket/prefix',
    }));
  problems.push(...foldedAutoColumns(source, where));
  if (source.originColumns) {
    problems.push({
      code: RedshiftErrors.originColumns,
      message: `source ${source.sourceName}.${source.name}: origin_columns is not available on Redshift, whose COPY does not say which file and line each row came from`,
      ...where,
      hint: 'remove origin_columns for this target (the load ledger still records each object and its row count), or set it only on the targets that load through sparkify',
    });
  }
  if (maxError(source.maxerrors) > MAXERROR_LIMIT) {
    const message = `source ${source.sourceName}.${source.name}: maxerrors ${source.maxerrors} is more than Redshift's COPY allows`;
    problems.push({ code: MAXERROR_TOO_HIGH, message, ...where, hint: `use at most ${MAXERROR_LIMIT - 1} on the redshift target` });
  }
  return problems;
}

/**
 * SPK143 for each column of a `jsonpaths: auto` source written with capitals. Redshift folds it
 * (`userId` is the column `userid`, r_names.html) and 'auto' is case-sensitive, so only a key spelled
 * `userid` would fill it: the camelCase key the name was written after would load NULL, silently,
 * while the loader on PostgreSQL (which keeps the column's case) would fill it. `auto ignorecase`
 * matches either way, on every engine.
 */
function foldedAutoColumns(source: SourceNode, where: Pick<Diagnostic, 'location' | 'node'>): Diagnostic[] {
  if (autoMapping(source.jsonpaths) !== 'auto') return [];
  return source.columns.filter((column) => foldName(column.name) !== column.name).map((column) => ({
    code: RedshiftErrors.foldedAutoColumn,
    message: `source ${source.sourceName}.${source.name}: Redshift folds column '${column.name}' to '${foldName(column.name)}', `
      + `and jsonpaths: auto (case-sensitive) would then fill it only from a key spelled '${foldName(column.name)}'`,
    ...where,
    location: { file: column.position.file, line: column.position.line, column: column.position.column },
    hint: `name the column '${foldName(column.name)}' and write \`jsonpaths: auto ignorecase\` if the JSON keys have capitals, or map the keys in a JSONPaths file`,
  }));
}

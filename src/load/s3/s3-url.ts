/** `s3://bucket/key` locations: recognising, splitting and writing them. */

import { StoreError } from '../store-error.js';
import { S3Errors } from './s3-errors.js';

/** A bucket and a key (or key prefix). */
export interface S3Url {
  bucket: string;
  key: string;
}

/** Whether a location is an S3 URL rather than a local path. */
export function isS3Url(location: string): boolean {
  return /^s3:\/\//i.test(location);
}

/** Splits `s3://bucket/some/key`; the key may be empty (the whole bucket). Throws StoreError SPK323. */
export function parseS3Url(location: string): S3Url {
  const rest = location.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? '' : rest.slice(slash + 1);
  // Lenient on purpose: old us-east-1 buckets may hold capitals and underscores.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(bucket)) {
    throw new StoreError(S3Errors.configuration, `"${location}" does not name an S3 bucket`, 'write s3://bucket/prefix, e.g. s3://udacity-dend/log_data');
  }
  return { bucket, key };
}

/** `s3://bucket/key`. */
export function formatS3Url(url: S3Url): string {
  return `s3://${url.bucket}/${url.key}`;
}

/** Explains what the S3 SDK threw, as a StoreError naming the location and what to do about it. */

import { StoreError } from '../store-error.js';
import type { S3Url } from './s3-url.js';

/** Diagnostic codes of S3 locations (SPK32x; an empty prefix is SPK301, like an empty folder). */
export const S3Errors = {
  noBucket: 'SPK320',
  denied: 'SPK321',
  unreachable: 'SPK322',
  /** No credentials or region found, or a location that names no bucket. */
  configuration: 'SPK323',
  failed: 'SPK324',
} as const;

/** What the SDK puts on its errors, all optional: service errors, network errors and config errors differ. */
interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const deniedNames = new Set([
  'AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired',
  'AllAccessDisabled', 'AccountProblem', 'Forbidden',
]);
const networkCodes = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED',
]);

const credentialsHint =
  'check the AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE) and that their IAM policy allows ' +
  's3:ListBucket on the bucket and s3:GetObject on its objects';

/**
 * The StoreError for an error of a request about `url` (`what` names it: `s3://b/prefix`) sent to
 * `endpoint`. A StoreError passes through unchanged.
 */
export function explainS3Error(error: unknown, url: S3Url, what: string, endpoint: string): StoreError {
  if (error instanceof StoreError) return error;
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const detail = e.message ? `${name || 'error'}: ${e.message}` : name || String(error);
  if (name === 'NoSuchBucket') {
    return new StoreError(S3Errors.noBucket, `the S3 bucket "${url.bucket}" of ${what} does not exist (at ${endpoint})`,
      'check the bucket name in the location (or data_root), and the region or s3.endpoint of the target');
  }
  if (name === 'NoSuchKey' || (status === 404 && name !== 'NoSuchBucket')) {
    return new StoreError(S3Errors.failed, `no S3 object ${what}`, 'check the key: it must name one object exactly, not a prefix', true);
  }
  if (deniedNames.has(name) || status === 403) {
    return new StoreError(S3Errors.denied, `access to ${what} was denied (${detail})`, credentialsHint);
  }
  if (name === 'CredentialsProviderError' || (status === undefined && /credentials/i.test(e.message ?? ''))) {
    return new StoreError(S3Errors.configuration, `no AWS credentials to read ${what} (${detail})`,
      'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, in the environment');
  }
  if (/region is missing/i.test(e.message ?? '')) {
    return new StoreError(S3Errors.configuration, `no AWS region to read ${what}`, 'set AWS_REGION, or s3: {region: ...} on the target in project.yml');
  }
  if (networkCodes.has(e.code ?? '') || name === 'TimeoutError' || name === 'RequestTimeout') {
    return new StoreError(S3Errors.unreachable, `cannot reach ${endpoint} to read ${what} (${e.code ?? name}, after retries)`,
      'check the network, and the s3.endpoint / region of the target (or AWS_ENDPOINT_URL_S3)');
  }
  return new StoreError(S3Errors.failed, `reading ${what} failed (${detail}${status ? `, HTTP ${status}` : ''})`,
    'try again; SPARKIFY_DEBUG=1 shows more when the error persists');
}

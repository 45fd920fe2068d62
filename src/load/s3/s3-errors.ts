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
  return answered(e, url, what, endpoint) ?? unanswered(e, what, endpoint) ?? failedRequest(e, what);
}

/** Errors the server sent back. */
function answered(e: SdkError, url: S3Url, what: string, endpoint: string): StoreError | undefined {
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (name === 'NoSuchBucket') {
    return new StoreError(S3Errors.noBucket, `the S3 bucket "${url.bucket}" of ${what} does not exist (at ${endpoint})`,
      'check the bucket name in the location (or data_root), and the region or s3.endpoint of the target');
  }
  if (name === 'NoSuchKey' || status === 404) {
    return new StoreError(S3Errors.failed, `no S3 object ${what}`, 'check the key: it must name one object exactly, not a prefix', true);
  }
  if (deniedNames.has(name) || status === 403) {
    return new StoreError(S3Errors.denied, `access to ${what} was denied (${detailOf(e)})`, credentialsHint);
  }
  return undefined;
}

/** Errors raised before any answer: configuration and network. */
function unanswered(e: SdkError, what: string, endpoint: string): StoreError | undefined {
  const message = e.message ?? '';
  if (e.$metadata?.httpStatusCode !== undefined) return undefined;
  if (e.name === 'CredentialsProviderError' || /credentials/i.test(message)) {
    return new StoreError(S3Errors.configuration, `no AWS credentials to read ${what} (${detailOf(e)})`,
      'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, in the environment');
  }
  if (/region is missing/i.test(message)) {
    return new StoreError(S3Errors.configuration, `no AWS region to read ${what}`, 'set AWS_REGION, or s3: {region: ...} on the target in project.yml');
  }
  if (networkCodes.has(e.code ?? '') || e.name === 'TimeoutError') {
    return new StoreError(S3Errors.unreachable, `cannot reach ${endpoint} to read ${what} (${e.code ?? e.name}, after retries)`,
      'check the network, and the s3.endpoint / region of the target (or AWS_ENDPOINT_URL_S3)');
  }
  return undefined;
}

function failedRequest(e: SdkError, what: string): StoreError {
  const status = e.$metadata?.httpStatusCode;
  return new StoreError(S3Errors.failed, `reading ${what} failed (${detailOf(e)}${status ? `, HTTP ${status}` : ''})`,
    'try again; if it keeps failing, check the S3 service or the s3.endpoint of the target');
}

/** `AccessDenied: Access Denied`. */
function detailOf(e: SdkError): string {
  const name = e.name || 'error';
  return e.message ? `${name}: ${e.message}` : name;
}

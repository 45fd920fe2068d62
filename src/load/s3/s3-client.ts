/** The S3 client of a target: region, endpoint and addressing from its `s3:` block, credentials from the AWS chain. */

import type { S3Settings } from './s3-settings.js';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

// The SDK retries throttling, 5xx and connection errors with backoff (its standard strategy);
// three attempts in all, then the error reaches the user.
const MAX_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 10_000;
// Idle time of a socket mid-response; a black-holed connection fails instead of hanging.
const SOCKET_IDLE_MS = 120_000;

/** A client for the settings; nothing is sent until the first request. */
export function createS3Client(settings: S3Settings = {}): S3Client {
  // sparkify supports Node 20 (package.json engines); the SDK's notice that its releases after
  // January 2027 need Node 22 is for us to act on, not something to print on every build.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config: S3ClientConfig = {
    // S3-compatible servers on a plain host:port do not resolve bucket subdomains.
    forcePathStyle: settings.forcePathStyle ?? settings.endpoint !== undefined,
    // A bucket in another region than the configured one answers with a redirect: follow it.
    followRegionRedirects: true,
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: SOCKET_IDLE_MS },
  };
  // Absent settings stay absent, so the SDK falls back to AWS_REGION, AWS_ENDPOINT_URL_S3, ~/.aws/config.
  if (settings.region !== undefined) config.region = settings.region;
  if (settings.endpoint !== undefined) config.endpoint = settings.endpoint;
  return new S3Client(config);
}

/** Names the endpoint requests go to, for messages. */
export function endpointLabel(settings: S3Settings = {}, env: NodeJS.ProcessEnv = process.env): string {
  const endpoint = settings.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  if (endpoint !== undefined) return withoutUserInfo(endpoint);
  const region = settings.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  return region ? `the AWS S3 endpoint of ${region}` : 'the AWS S3 endpoint';
}

function withoutUserInfo(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return endpoint;
  }
}

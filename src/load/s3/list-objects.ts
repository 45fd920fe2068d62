/** Lists the objects under a key prefix with ListObjectsV2, every page, as Redshift COPY reads a prefix. */

import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { StoreError } from '../store-error.js';
import { S3Errors } from './s3-errors.js';
import type { S3Url } from './s3-url.js';

/** An object's key and size in bytes. */
export interface S3Object {
  key: string;
  size: number;
  /** Changes when the object is written again (the load ledger compares it). */
  etag?: string;
  /** When it was last written (the sweep of leftover COPY manifests keeps recent ones). */
  lastModified?: Date;
}

/** How much to list. */
export interface ListOptions {
  /** Keys per page (MaxKeys); the server's default (1000) when absent. */
  pageSize?: number;
  /** Stop after the page that brings the count to at least this many objects. */
  limit?: number;
}

/**
 * Every object whose key starts with `url.key`, sorted by key (byte order, as S3 lists them).
 * Keys ending in `/` are folder markers that consoles create, not data: they are skipped.
 */
export async function listObjects(client: S3Client, url: S3Url, options: ListOptions = {}): Promise<S3Object[]> {
  const limit = options.limit ?? Infinity;
  const objects: S3Object[] = [];
  const tokens = new Set<string>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({
      Bucket: url.bucket,
      Prefix: url.key === '' ? undefined : url.key,
      MaxKeys: options.pageSize,
      ContinuationToken: token,
    }));
    for (const item of page.Contents ?? []) {
      if (item.Key !== undefined && !item.Key.endsWith('/')) objects.push({ key: item.Key, size: item.Size ?? 0, etag: item.ETag, lastModified: item.LastModified });
    }
    token = page.IsTruncated ? nextToken(page.NextContinuationToken, tokens) : undefined;
  } while (token !== undefined && objects.length < limit);
  return objects.sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
}

/** The token of the next page; a missing or repeated one would end the listing early or never. */
function nextToken(token: string | undefined, seen: Set<string>): string {
  if (token === undefined || seen.has(token)) {
    throw new StoreError(S3Errors.failed, 'the S3 server cut the object listing short (a truncated page without a new continuation token)',
      'the server does not page ListObjectsV2 correctly; try again, or list a narrower prefix');
  }
  seen.add(token);
  return token;
}

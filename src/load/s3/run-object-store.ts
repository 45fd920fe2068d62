/**
 * The S3 objects a run writes for its statements (Redshift COPY manifests) besides the sources it
 * reads: written before a COPY, deleted after its load, and listed to sweep what an interrupted run
 * left. The executor (src/run/statement-objects.ts) gets these three through its RunContext.
 */

import { deleteS3Object } from './delete-object.js';
import { listObjects } from './list-objects.js';
import { putS3Object } from './put-object.js';
import { callS3 } from './s3-call.js';
import type { S3Settings } from './s3-settings.js';
import { formatS3Url } from './s3-url.js';

/** An object under a listed prefix: its s3:// URL and when it was last written. */
export interface ListedRunObject {
  url: string;
  lastModified?: Date;
}

/** Writes, deletes and lists run objects with the target's S3 settings; failures are StoreErrors naming the object or prefix. */
export interface RunObjectStore {
  writeObject(url: string, body: string): Promise<void>;
  deleteObject(url: string): Promise<void>;
  listObjects(prefix: string): Promise<ListedRunObject[]>;
}

/** The store of a target's `s3:` settings (credentials from the AWS chain, as for sources). */
export function runObjectStore(settings: S3Settings = {}): RunObjectStore {
  return {
    writeObject: (url, body) => putS3Object(url, body, settings),
    deleteObject: (url) => deleteS3Object(url, settings),
    listObjects: (prefix) => listUnder(prefix, settings),
  };
}

/** Every object whose key starts with the prefix (ListObjectsV2, every page). */
function listUnder(location: string, settings: S3Settings): Promise<ListedRunObject[]> {
  return callS3(location, settings, async (client, url) => (await listObjects(client, url))
    .map((object) => ({ url: formatS3Url({ bucket: url.bucket, key: object.key }), lastModified: object.lastModified })));
}

/** A target's `s3:` block: how the loader reaches `s3://` source locations (issue 3). */
import type { S3Settings } from '../load/s3/s3-settings.js';
import { assignDefined } from '../config/assign-defined.js';
import { ProjectErrors } from '../config/error-codes.js';
import type { MapReader } from '../config/map-reader.js';
import { Rejection } from '../config/node-values.js';
import { boolean, nonEmptyText, type Kind } from '../config/value-kinds.js';

const s3Keys = ['region', 'endpoint', 'force_path_style'];

// Keys people reach for when they mean credentials; project.yml is committed, so those stay out.
const credentialKey = /key|secret|token|password|credential|profile/i;

/** `{ s3 }` for a target with an `s3:` block, else nothing, so absent settings stay absent. */
export function s3Field(target: MapReader): { s3?: S3Settings } {
  const s3 = readS3Settings(target);
  return s3 ? { s3 } : {};
}

/** The target's s3 settings, or undefined when it has no `s3:` block. */
export function readS3Settings(target: MapReader): S3Settings | undefined {
  const block = target.child('s3', `the s3 settings of ${target.what}`);
  if (!block) return undefined;
  const credentials = block.keys().filter((key) => credentialKey.test(key));
  for (const key of credentials) {
    const message = `\`${key}\` in ${block.what}: AWS credentials are not read from project.yml`;
    const hint = 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) in the environment';
    block.report(ProjectErrors.invalidValue, message, block.keyAt(key), hint);
  }
  block.checkKeys([...s3Keys, ...credentials]); // credential keys are reported once, above
  return assignDefined<S3Settings>({}, {
    region: block.get('region', nonEmptyText),
    endpoint: block.get('endpoint', endpointUrl),
    forcePathStyle: block.get('force_path_style', boolean),
  });
}

/** An http(s) URL without user info (which would be a credential in plain text). */
const endpointUrl: Kind<string> = {
  expected: 'an http:// or https:// URL',
  read(node, scope) {
    const value = nonEmptyText.read(node, scope);
    if (value instanceof Rejection) return value;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return new Rejection('value', `expected an http:// or https:// URL, got '${value}'`, 'e.g. endpoint: http://127.0.0.1:9000');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return new Rejection('value', `expected an http:// or https:// URL, got '${url.protocol}' as the scheme`);
    }
    if (url.username || url.password) {
      return new Rejection('value', 'the endpoint URL must not hold credentials', 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment');
    }
    return value;
  },
};

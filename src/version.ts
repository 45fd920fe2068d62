/** sparkify's version (package.json): stamped on artifacts and part of every cache key. */
import { createRequire } from 'node:module';

/** The version in package.json. */
export const SPARKIFY_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

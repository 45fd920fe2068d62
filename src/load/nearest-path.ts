/** For a local location that does not exist, the existing path closest to it (`data/log_dat` → `data/log_data`). */

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { closestName } from '../diagnostics.js';

/**
 * Walks up from `location` to the deepest folder that exists, then back down, taking at each
 * missing step the closest name (by edit distance) among that folder's entries, as far as there is
 * one; undefined when not even the first step has one. Written as the user wrote the location:
 * relative to `root`, or absolute.
 */
export function nearestExistingPath(root: string, location: string): string | undefined {
  const absolute = path.resolve(root, location);
  const missing: string[] = [];
  let folder = absolute;
  while (!existsSync(folder)) {
    missing.unshift(path.basename(folder));
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  let found = 0;
  for (const name of missing) {
    const entries = entriesOf(folder);
    const closest = entries && closestName(name, entries);
    if (!closest) break;
    folder = path.join(folder, closest);
    found++;
  }
  if (found === 0) return undefined;
  return path.isAbsolute(location) ? folder : path.relative(root, folder).split(path.sep).join('/');
}

/** The visible entries of a folder, or undefined when it is not one. */
function entriesOf(folder: string): string[] | undefined {
  try {
    if (!statSync(folder).isDirectory()) return undefined;
    return readdirSync(folder).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return undefined;
  }
}

/** Copying optional fields without writing `key: undefined` into config objects. */

/** Copies the defined values only, so absent options stay absent (and deepEqual-friendly). */
export function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

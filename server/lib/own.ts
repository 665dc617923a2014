/**
 * Lookups by a key that may come from a request: own properties only, so "constructor",
 * "__proto__" or "toString" never reach Object.prototype.
 */
export const hasOwn = (o: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, key);

export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(record, key) ? record[key] : undefined;
}

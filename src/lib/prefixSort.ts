/**
 * Sorting 100,000 indices with a JavaScript comparator costs ~1.7 million calls back into JS. When
 * most of the order is decided by an integer prefix (the first 32 bits of a hash), pack
 * prefix and index into one double, let the engine's native numeric sort order them, and use the
 * comparator only inside runs of equal prefixes (rare: ties, or twins sharing a key).
 */
export function sortIndicesByPrefix(
  n: number,
  prefixBits: number,
  prefixOf: (i: number) => number,
  compare: (a: number, b: number) => number,
): Uint32Array {
  const idxBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** idxBits;
  // A double holds 53 exact bits; for huge n drop the prefix's low bits (the comparator settles them).
  const drop = 2 ** Math.max(0, prefixBits - (53 - idxBits));
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = Math.floor(prefixOf(i) / drop) * scale + i;
  packed.sort();
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = packed[i] % scale;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || Math.floor(packed[i] / scale) !== Math.floor(packed[start] / scale)) {
      if (i - start > 1) idx.subarray(start, i).sort(compare);
      start = i;
    }
  }
  return idx;
}

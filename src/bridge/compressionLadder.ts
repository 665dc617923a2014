/**
 * The sizes and qualities both bridges try, in order, until a photo fits the checklist's byte limit:
 * lower JPEG quality first, then a smaller long edge, never below what keeps a certificate legible.
 * The last attempt goes back even if still larger: the caller (and the server) decide.
 */

/** Text on a certificate photo stays legible down to this long edge. */
export const MIN_LEGIBLE_EDGE = 1600;

export function compressionAttempts(maxEdge: number, quality: number): Array<{ edge: number; quality: number }> {
  const edges = [maxEdge, Math.max(MIN_LEGIBLE_EDGE, Math.round(maxEdge * 0.85)), MIN_LEGIBLE_EDGE].filter((edge, i, all) => all.indexOf(edge) === i);
  const qualities = [quality, Math.max(0.5, quality - 0.15), Math.max(0.4, quality - 0.3)].filter((q, i, all) => all.indexOf(q) === i);
  const out: Array<{ edge: number; quality: number }> = [];
  for (const edge of edges) for (const q of qualities) out.push({ edge, quality: q });
  return out;
}

import { useState } from 'react';

let last = 0;

/**
 * An element id unique in the whole document. React's useId is unique within one React root only,
 * and Taro's H5 runtime keeps earlier pages (other roots) in the DOM: two pages could both hold
 * "r7-label", and aria-labelledby would then name a field after a hidden page's label.
 */
export function useDomId(prefix = 'rx'): string {
  const [id] = useState(() => `${prefix}${(last += 1).toString(36)}`);
  return id;
}

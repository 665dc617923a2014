/**
 * Roving tabindex for groups of radios, chips and tabs (WAI-ARIA practices, govuk-frontend tabs):
 * one member of the group is in the tab order (the selected one, else the first enabled); arrow
 * keys move the selection and the focus, Home/End go to the ends, skipping disabled members.
 * H5 only: the mini-program has no keyboard, so no handler is attached there.
 */
import { useRef } from 'react';
import type { PressKeyEvent } from './Pressable';

const isH5 = () => process.env.TARO_ENV === 'h5';

type Focusable = { focus?: () => void } | null;

export interface Roving {
  /** Ref callback for member i. */
  ref: (i: number) => (el: unknown) => void;
  /** tabIndex of member i. */
  tabIndex: (i: number) => number;
  /** keydown of member i (undefined on the mini-program). */
  onKeyDown: (i: number) => ((e: PressKeyEvent) => void) | undefined;
}

export function useRoving(count: number, selected: number, select: (i: number) => void, disabled: (i: number) => boolean = () => false): Roving {
  const els = useRef<Focusable[]>([]);
  const enabled = Array.from({ length: count }, (_, i) => i).filter((i) => !disabled(i));
  const inTabOrder = selected >= 0 && !disabled(selected) ? selected : enabled[0] ?? -1;
  const move = (from: number, key: string): number | null => {
    if (enabled.length === 0) return null;
    const at = enabled.indexOf(from);
    switch (key) {
      case 'ArrowRight':
      case 'ArrowDown':
        return enabled[(at + 1) % enabled.length];
      case 'ArrowLeft':
      case 'ArrowUp':
        return enabled[(at - 1 + enabled.length) % enabled.length];
      case 'Home':
        return enabled[0];
      case 'End':
        return enabled[enabled.length - 1];
      default:
        return null;
    }
  };
  return {
    ref: (i) => (el) => {
      els.current[i] = el as Focusable;
    },
    tabIndex: (i) => (i === inTabOrder ? 0 : -1),
    onKeyDown: (i) =>
      isH5()
        ? (e) => {
            if (e.target !== e.currentTarget) return;
            const to = move(i, e.key);
            if (to === null) {
              // Space (or Enter) picks the focused member, as a tap does.
              if ((e.key === ' ' || e.key === 'Enter') && !disabled(i)) {
                e.preventDefault();
                select(i);
              }
              return;
            }
            e.preventDefault();
            select(to);
            els.current[to]?.focus?.();
          }
        : undefined,
  };
}

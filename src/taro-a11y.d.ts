/**
 * Accessibility attributes Taro's component types leave out but its H5 components pass through to
 * the element: keyboard focus (tabIndex), a role on any component (e.g. an Input's outer group) and
 * keydown (Enter/Space on tappable Views).
 */
import type { BaseTouchEvent, ITouchEvent } from '@tarojs/components/types/common';

declare module '@tarojs/components/types/common' {
  // Type parameters must repeat the original declaration exactly.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface StandardProps<T = any, TouchEvent extends BaseTouchEvent<any> = ITouchEvent> {
    /** 0: reachable with the keyboard / a screen reader's focus; -1: focusable from code only. */
    tabIndex?: number;
    role?: string;
    /** H5 only (a native keydown listener); see src/components/Pressable. */
    onKeyDown?: (event: import('./components/Pressable').PressKeyEvent) => void;
  }
}

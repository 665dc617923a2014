import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { pressKey } from '../Pressable';

export interface ButtonProps {
  children: ReactNode;
  onPress?: () => void;
  /** Look: 'primary' (filled), 'secondary' (outlined, the default), 'link' (underlined text), 'tile', 'plain' (the className alone, e.g. a list row). */
  variant?: 'primary' | 'secondary' | 'link' | 'tile' | 'plain';
  /** Extra classes (e.g. 'btn-inline', a page's own spacing). */
  className?: string;
  /** Really disabled: announced as such, and neither a tap nor Enter/Space presses it. */
  disabled?: boolean;
  /**
   * Not yet possible (e.g. consent not ticked, a required photo missing): announced as unavailable
   * and greyed, but a tap still answers by calling onBlocked (else onPress), which shows what is
   * missing. A greyed button that ignores taps leaves a parent stuck without knowing why.
   */
  blocked?: boolean;
  onBlocked?: () => void;
  /** An action under way: announced (aria-busy) and not pressable until it ends. */
  busy?: boolean;
  id?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-expanded'?: boolean;
  /** A toggle's state (显示/隐藏). */
  'aria-pressed'?: boolean;
  'aria-controls'?: string;
  'data-testid'?: string;
}

const VARIANT_CLASS = { primary: 'btn btn-primary', secondary: 'btn', link: 'link', tile: 'tile', plain: '' } as const;

/**
 * The one pressable control: a View with the button role, in the tab order, pressed by a tap or
 * (on H5) Enter/Space. Disabled and busy buttons stay visible and focusable but do nothing; blocked
 * (not yet possible) buttons look greyed but answer a press with onBlocked.
 */
export function Button({ children, onPress, onBlocked, variant = 'secondary', className, disabled = false, busy = false, blocked = false, ...aria }: ButtonProps) {
  // Busy wins: a submission under way is really inert even if the form became incomplete meanwhile.
  const inert = disabled || busy;
  const greyed = inert || blocked;
  const classes = [VARIANT_CLASS[variant], greyed && variant !== 'link' && variant !== 'plain' ? (inert ? 'btn-disabled' : 'btn-blocked') : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View
      className={classes}
      role='button'
      tabIndex={0}
      aria-disabled={greyed}
      aria-busy={busy ? true : undefined}
      onKeyDown={pressKey}
      onClick={() => {
        if (inert) return;
        if (blocked) (onBlocked ?? onPress)?.();
        else onPress?.();
      }}
      {...aria}
    >
      {children}
    </View>
  );
}

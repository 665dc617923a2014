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
 * (on H5) Enter/Space. Disabled and busy buttons stay visible and focusable but do nothing.
 */
export function Button({ children, onPress, variant = 'secondary', className, disabled = false, busy = false, ...aria }: ButtonProps) {
  const inert = disabled || busy;
  const classes = [VARIANT_CLASS[variant], inert && variant !== 'link' && variant !== 'plain' ? 'btn-disabled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View
      className={classes}
      role='button'
      tabIndex={0}
      aria-disabled={inert}
      aria-busy={busy ? true : undefined}
      onKeyDown={pressKey}
      onClick={() => {
        if (!inert) onPress?.();
      }}
      {...aria}
    >
      {children}
    </View>
  );
}

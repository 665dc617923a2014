/**
 * Keyboard activation for tappable Views. A View with role='button' (radio, checkbox, tab, switch…)
 * and tabIndex={0} can be focused with the keyboard but, unlike a native button, is not pressed by
 * Enter or Space. On H5 Taro's View adds `onKeyDown` as a native `keydown` listener on the element;
 * the mini-program has no keyboard events, so there the handler is left out (undefined).
 */

/** The part of a keyboard event the handler reads (a native KeyboardEvent on H5). */
export interface PressKeyEvent {
  key: string;
  repeat?: boolean;
  target: unknown;
  currentTarget: unknown;
  preventDefault: () => void;
}

const isActivationKey = (e: PressKeyEvent) => e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar';

/** Runs `onPress` for Enter or Space pressed on the control itself; Space would otherwise scroll the page. */
function handlePressKey(e: PressKeyEvent, onPress: () => void) {
  // Only the focused control itself: a key on a control nested inside another must not press both.
  if (!isActivationKey(e) || e.target !== e.currentTarget) return;
  e.preventDefault();
  if (e.repeat) return;
  onPress();
}

const isH5 = () => process.env.TARO_ENV === 'h5';

/**
 * `onKeyDown={pressKey}` beside an existing `onClick`: Enter or Space clicks the control, so the
 * keyboard runs exactly what a tap runs (including its own aria-disabled / busy checks).
 */
export const pressKey: ((e: PressKeyEvent) => void) | undefined = isH5()
  ? (e) => handlePressKey(e, () => (e.currentTarget as { click?: () => void } | null)?.click?.())
  : undefined;

/**
 * Everything a tappable View needs, for new code: `<View className='btn' {...pressable(save)}>保存</View>`.
 * Gives the role, keyboard focus, the tap and (on H5) Enter/Space.
 */
export function pressable(onPress: () => void, role: 'button' | 'radio' | 'checkbox' | 'tab' | 'switch' | 'link' = 'button') {
  return {
    role,
    tabIndex: 0,
    onClick: () => onPress(),
    onKeyDown: isH5() ? (e: PressKeyEvent) => handlePressKey(e, onPress) : undefined,
  };
}

import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { View } from '@tarojs/components';
import { pressKey, pressable } from './index';

describe('pressable / pressKey', () => {
  it('gives a tappable View its role, keyboard focus, tap and Enter/Space', () => {
    const onPress = jest.fn();
    const props = pressable(onPress, 'checkbox');
    expect(props.role).toBe('checkbox');
    expect(props.tabIndex).toBe(0);
    render(<View {...props} data-testid='ctl'>同意</View>);
    const el = screen.getByTestId('ctl');
    fireEvent.click(el);
    expect(onPress).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(el, { key: 'Enter' });
    expect(onPress).toHaveBeenCalledTimes(2);
    // Space presses too, and does not scroll the page.
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    el.dispatchEvent(space);
    expect(onPress).toHaveBeenCalledTimes(3);
    expect(space.defaultPrevented).toBe(true);
    // Other keys and held-down repeats do nothing.
    fireEvent.keyDown(el, { key: 'a' });
    fireEvent.keyDown(el, { key: 'Enter', repeat: true });
    expect(onPress).toHaveBeenCalledTimes(3);
  });

  it('pressKey clicks the control, so the keyboard runs what a tap runs', () => {
    const onClick = jest.fn();
    render(
      <View role='button' tabIndex={0} onClick={onClick} onKeyDown={pressKey} data-testid='outer'>
        <View role='button' tabIndex={0} onClick={() => undefined} onKeyDown={pressKey} data-testid='inner'>
          内层
        </View>
      </View>,
    );
    fireEvent.keyDown(screen.getByTestId('outer'), { key: 'Enter' });
    expect(onClick).toHaveBeenCalledTimes(1);
    // A key on a nested control presses only that control (its click still bubbles as a tap would).
    const before = onClick.mock.calls.length;
    fireEvent.keyDown(screen.getByTestId('inner'), { key: 'Enter' });
    expect(onClick.mock.calls.length).toBe(before + 1);
  });

  it('is left out on the mini-program, which has no keyboard events', () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const mod = require('./index') as typeof import('./index');
        expect(mod.pressKey).toBeUndefined();
        expect(mod.pressable(() => undefined).onKeyDown).toBeUndefined();
      });
    } finally {
      process.env.TARO_ENV = env;
    }
  });
});

import '@testing-library/jest-dom';
import { render, screen, act } from '@testing-library/react';
import { Countdown } from './index';

describe('Countdown', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks every second at the given clock and reports the deadline passing once', () => {
    let now = Date.parse('2024-06-20T17:59:58+08:00');
    const onPassed = jest.fn();
    render(<Countdown deadline='2024-06-20T18:00:00+08:00' now={() => new Date(now).toISOString()} onPassed={onPassed} />);
    expect(screen.getByRole('timer')).toHaveTextContent('6月20日 18:00');
    expect(screen.getByRole('timer')).toHaveTextContent('还剩 0小时 0分 2秒');
    now += 1000;
    act(() => void jest.advanceTimersByTime(1000));
    expect(screen.getByRole('timer')).toHaveTextContent('还剩 0小时 0分 1秒');
    now += 2000;
    act(() => void jest.advanceTimersByTime(2000));
    expect(screen.getByRole('timer')).toHaveTextContent('已截止');
    expect(onPassed).toHaveBeenCalledTimes(1);
  });
});

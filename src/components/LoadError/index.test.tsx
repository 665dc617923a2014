import { fireEvent, render, screen } from '@testing-library/react';
import { LoadError } from './index';

describe('LoadError', () => {
  it('shows what failed with the Chinese reason as an alert, and retries on 重新加载', () => {
    const onRetry = jest.fn();
    render(<LoadError title='暂时无法获取子女信息' error={{ code: 'NETWORK', message: '网络连接不稳定，请检查网络后重试。' }} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('【出错了】暂时无法获取子女信息');
    expect(screen.getByRole('alert')).toHaveTextContent('网络连接不稳定，请检查网络后重试。');
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

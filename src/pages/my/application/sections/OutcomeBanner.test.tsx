import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { OutcomeBanner } from './OutcomeBanner';

const error = { code: 'NETWORK', message: '网络连接失败' } as const;

/** A lost answer must not read as a refusal: the parent is told to retry, safely. */
describe('办件详情 · the answer to the last action', () => {
  it('a lost answer says it is not known yet and that a retry is safe', () => {
    render(<OutcomeBanner done={null} failed={{ error, uncertain: true }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('【注意】网络不稳定，暂未确认是否办理成功');
    expect(alert).toHaveTextContent('请稍后重试，重复操作不会重复办理。');
    expect(alert).not.toHaveTextContent('操作未成功');
  });

  it('a refusal says so with the reason, and no retry hint', () => {
    render(<OutcomeBanner done={null} failed={{ error, uncertain: false }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('【出错了】操作未成功');
    expect(alert).toHaveTextContent('网络连接失败');
    expect(alert).not.toHaveTextContent('请稍后重试');
  });
});

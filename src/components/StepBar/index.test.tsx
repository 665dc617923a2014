import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { StepBar } from './index';

describe('StepBar', () => {
  it('marks done steps with a tick and the current step for screen readers', () => {
    render(<StepBar steps={['刷脸登录', '当前区域', '我的子女']} current={1} />);
    expect(screen.getByRole('list')).toHaveAttribute('aria-label', '办理进度：第 2 步，共 3 步');
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('✓ 刷脸登录');
    expect(items[1]).toHaveAttribute('aria-current', 'step');
    expect(items[1]).toHaveClass('step-current');
    expect(items[2]).toHaveTextContent('3 我的子女');
    expect(items[2]).not.toHaveAttribute('aria-current');
  });
});

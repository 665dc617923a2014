import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { StepBar } from './index';

describe('StepBar', () => {
  it('marks done steps with a tick and the current step for screen readers', () => {
    render(<StepBar steps={['刷脸登录', '当前区域', '我的子女']} current={1} done={[true, false, false]} />);
    expect(screen.getByRole('list')).toHaveAttribute('aria-label', '办理进度：第 2 步，共 3 步，已完成 1 步');
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('✓ 刷脸登录');
    expect(items[1]).toHaveAttribute('aria-current', 'step');
    expect(items[1]).toHaveClass('step-current');
    expect(items[2]).toHaveTextContent('3 我的子女');
    expect(items[2]).not.toHaveAttribute('aria-current');
  });

  it('ticks only steps that are done, not every step before the current one', () => {
    render(<StepBar steps={['刷脸登录', '当前区域', '我的子女']} current={2} done={[true, false, false]} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('✓ 刷脸登录');
    expect(items[1]).toHaveTextContent('2 当前区域（未完成）');
    expect(items[1]).not.toHaveTextContent('✓');
    expect(items[1]).toHaveClass('step-todo');
  });

  it('a done current step keeps its tick', () => {
    render(<StepBar steps={['刷脸登录', '当前区域']} current={1} done={[true, true]} />);
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent('✓ 当前区域');
  });
});

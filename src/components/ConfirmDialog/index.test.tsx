import '@testing-library/jest-dom';
import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { Button } from '../Button';
import { ConfirmDialog } from './index';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <main>
      {asking ? (
        <ConfirmDialog title='确认入学吗？' confirmLabel='确定确认入学' cancelLabel='暂不确认' onConfirm={onConfirm} onCancel={() => setAsking(false)}>
          确认后学位即锁定，不能再报名其他学校。
        </ConfirmDialog>
      ) : (
        <Button variant='primary' onPress={() => setAsking(true)}>确认入学</Button>
      )}
    </main>
  );
}

describe('ConfirmDialog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks once: the action happens only on the confirming answer, and the other answer takes the question down', () => {
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: '确认入学' }));
    expect(onConfirm).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: '确认入学吗？' });
    expect(dialog).toHaveAccessibleDescription('确认后学位即锁定，不能再报名其他学校。');
    act(() => void jest.runOnlyPendingTimers());
    expect(dialog).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: '暂不确认' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确认入学' }));
    fireEvent.click(screen.getByRole('button', { name: '确定确认入学' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('busy: neither answer can be pressed again while the action runs', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    render(<ConfirmDialog title='确定撤回吗？' confirmLabel='确定撤回' cancelLabel='不撤回' busy onConfirm={onConfirm} onCancel={onCancel}>撤回后申请回到草稿。</ConfirmDialog>);
    fireEvent.click(screen.getByRole('button', { name: '确定撤回' }));
    fireEvent.click(screen.getByRole('button', { name: '不撤回' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('has no axe violations', async () => {
    jest.useRealTimers();
    const { container } = render(
      <main>
        <ConfirmDialog title='退出登录吗？' confirmLabel='确定退出' cancelLabel='不退出' onConfirm={() => undefined} onCancel={() => undefined}>
          退出后本机保存的报名草稿会被清除。
        </ConfirmDialog>
      </main>,
    );
    expect(await axe(container)).toHaveNoViolations();
  });
});

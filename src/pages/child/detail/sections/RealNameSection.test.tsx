import '@testing-library/jest-dom';
import { render, screen, fireEvent } from '@testing-library/react';
import { RealNameSection, type RealNameSectionProps } from './RealNameSection';

const props = (over: Partial<RealNameSectionProps> = {}): RealNameSectionProps => ({
  differs: false,
  saved: null,
  editing: false,
  value: '',
  error: null,
  busy: false,
  onEdit: jest.fn(),
  onInput: jest.fn(),
  onSave: jest.fn(),
  onCancel: jest.fn(),
  onRestore: jest.fn(),
  ...over,
});

/** Each button answers with its own callback: a swapped one would save, drop or undo the wrong thing. */
describe('子女详情 · 户口簿姓名', () => {
  it('offers 填写 alone while no other name is on record', () => {
    const p = props();
    render(<RealNameSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '填写户口簿姓名' }));
    expect(p.onEdit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: '恢复为出生证姓名' })).not.toBeInTheDocument();
  });

  it('offers 修改 and 恢复为出生证姓名 once a 户口簿 name differs', () => {
    const p = props({ differs: true });
    render(<RealNameSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '恢复为出生证姓名' }));
    expect(p.onRestore).toHaveBeenCalledTimes(1);
    expect(p.onEdit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '修改户口簿姓名' }));
    expect(p.onEdit).toHaveBeenCalledTimes(1);
  });

  it('while typing, 保存 saves and 取消 cancels', () => {
    const p = props({ editing: true, value: '王梓涵' });
    render(<RealNameSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '保存户口簿姓名' }));
    expect(p.onSave).toHaveBeenCalledTimes(1);
    expect(p.onCancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(p.onCancel).toHaveBeenCalledTimes(1);
    expect(p.onSave).toHaveBeenCalledTimes(1);
  });
});

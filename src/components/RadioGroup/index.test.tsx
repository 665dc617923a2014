import '@testing-library/jest-dom';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { RadioGroup } from './index';

function Harness({ onChange }: { onChange?: (v: string) => void }) {
  const [value, setValue] = useState<'a' | 'b' | 'c' | null>(null);
  return (
    <RadioGroup
      label='学校类型'
      options={[
        { value: 'a', label: '公办学位紧张学校' },
        { value: 'b', label: '公办非学位紧张学校', disabled: true },
        { value: 'c', label: '民转公学校', hint: '按公办管理' },
      ]}
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange?.(v);
      }}
    />
  );
}

describe('RadioGroup', () => {
  it('is a named radio group with one member in the tab order', () => {
    render(<Harness />);
    expect(screen.getByRole('radiogroup', { name: '学校类型' })).toBeInTheDocument();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(radios[1]).toHaveAttribute('aria-disabled', 'true');
  });

  it('a tap chooses; arrow keys move the choice and the focus, skipping disabled options and wrapping', () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    const [a, b, c] = screen.getAllByRole('radio');
    fireEvent.click(a);
    expect(a).toHaveAttribute('aria-checked', 'true');
    fireEvent.keyDown(a, { key: 'ArrowDown' });
    expect(c).toHaveAttribute('aria-checked', 'true');
    expect(c).toHaveFocus();
    expect(c).toHaveAttribute('tabindex', '0');
    expect(a).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(c, { key: 'ArrowRight' });
    expect(a).toHaveAttribute('aria-checked', 'true');
    expect(a).toHaveFocus();
    fireEvent.keyDown(a, { key: 'ArrowUp' });
    expect(c).toHaveFocus();
    fireEvent.click(b);
    expect(b).toHaveAttribute('aria-checked', 'false');
    expect(onChange.mock.calls.map(([v]) => v)).toEqual(['a', 'c', 'a', 'c']);
  });

  it('shows an error beside the group and has no axe violations', async () => {
    const { container } = render(<main><RadioGroup label='生源类型' showLabel options={[{ value: 'x', label: '随迁子女' }]} value={null} onChange={() => undefined} error='请选择生源类型' /></main>);
    expect(screen.getByRole('alert')).toHaveTextContent('请选择生源类型');
    expect(screen.getByRole('radiogroup', { name: '生源类型' })).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });
});

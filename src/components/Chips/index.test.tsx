import '@testing-library/jest-dom';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { Chips } from './index';

function Harness({ disabled }: { disabled?: boolean }) {
  const [value, setValue] = useState<string | null>('mother');
  return <Chips label='您与子女的关系' disabled={disabled} options={[{ value: 'father', label: '父亲' }, { value: 'mother', label: '母亲' }, { value: 'other', label: '其他监护人' }]} value={value} onChange={setValue} />;
}

describe('Chips', () => {
  it('roving tabindex: the chosen chip is the one in the tab order; arrows, Home and End move the choice', () => {
    render(<Harness />);
    const [father, mother, other] = screen.getAllByRole('radio');
    expect([father, mother, other].map((c) => c.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
    fireEvent.keyDown(mother, { key: 'ArrowLeft' });
    expect(father).toHaveAttribute('aria-checked', 'true');
    expect(father).toHaveFocus();
    fireEvent.keyDown(father, { key: 'End' });
    expect(other).toHaveAttribute('aria-checked', 'true');
    fireEvent.keyDown(other, { key: 'Home' });
    expect(father).toHaveFocus();
  });

  it('disabled chips neither change on a tap nor on keys', () => {
    render(<Harness disabled />);
    const [father, mother] = screen.getAllByRole('radio');
    fireEvent.click(father);
    fireEvent.keyDown(mother, { key: 'ArrowLeft' });
    expect(mother).toHaveAttribute('aria-checked', 'true');
    expect(father).toHaveAttribute('aria-checked', 'false');
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><Harness /></main>);
    expect(screen.getByRole('radiogroup', { name: '您与子女的关系' })).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });
});

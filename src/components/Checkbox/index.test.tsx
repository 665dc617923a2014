import '@testing-library/jest-dom';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { Checkbox } from './index';

function Harness({ disabled }: { disabled?: boolean }) {
  const [on, setOn] = useState(false);
  return <Checkbox label='我已阅读以上申报须知，知晓并确认相关内容' checked={on} onChange={setOn} disabled={disabled} />;
}

describe('Checkbox', () => {
  it('toggles on a tap and on Space/Enter', () => {
    render(<Harness />);
    const box = screen.getByRole('checkbox', { name: '我已阅读以上申报须知，知晓并确认相关内容' });
    expect(box).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(box);
    expect(box).toHaveAttribute('aria-checked', 'true');
    fireEvent.keyDown(box, { key: ' ' });
    expect(box).toHaveAttribute('aria-checked', 'false');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box).toHaveAttribute('aria-checked', 'true');
  });

  it('disabled does not toggle', () => {
    render(<Harness disabled />);
    const box = screen.getByRole('checkbox');
    fireEvent.click(box);
    fireEvent.keyDown(box, { key: ' ' });
    expect(box).toHaveAttribute('aria-checked', 'false');
    expect(box).toHaveAttribute('aria-disabled', 'true');
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><Harness /></main>);
    expect(await axe(container)).toHaveNoViolations();
  });
});

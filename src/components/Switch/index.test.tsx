import '@testing-library/jest-dom';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { Switch } from './index';

function Harness({ disabled }: { disabled?: boolean }) {
  const [on, setOn] = useState(false);
  return <Switch label='长辈版' checked={on} onChange={setOn} disabled={disabled} />;
}

describe('Switch', () => {
  it('flips on a tap and on Space/Enter, and writes the state out', () => {
    render(<Harness />);
    const sw = screen.getByRole('switch', { name: '长辈版' });
    expect(sw).toHaveAttribute('aria-checked', 'false');
    expect(sw).toHaveTextContent('已关闭');
    fireEvent.click(sw);
    expect(sw).toHaveAttribute('aria-checked', 'true');
    expect(sw).toHaveTextContent('已开启');
    fireEvent.keyDown(sw, { key: ' ' });
    expect(sw).toHaveAttribute('aria-checked', 'false');
    fireEvent.keyDown(sw, { key: 'Enter' });
    expect(sw).toHaveAttribute('aria-checked', 'true');
  });

  it('disabled does not flip and leaves the tab order', () => {
    render(<Harness disabled />);
    const sw = screen.getByRole('switch');
    fireEvent.click(sw);
    fireEvent.keyDown(sw, { key: 'Enter' });
    expect(sw).toHaveAttribute('aria-checked', 'false');
    expect(sw).toHaveAttribute('aria-disabled', 'true');
    expect(sw).toHaveAttribute('tabindex', '-1');
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><Harness /></main>);
    expect(await axe(container)).toHaveNoViolations();
  });
});

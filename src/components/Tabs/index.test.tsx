import '@testing-library/jest-dom';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { Tabs } from './index';

function Harness() {
  const [tab, setTab] = useState<'policy' | 'contact'>('policy');
  return (
    <Tabs label='帮助内容' tabs={[{ id: 'policy', title: '政策查看' }, { id: 'contact', title: '联系我们' }]} selected={tab} onSelect={setTab}>
      {tab === 'policy' ? '招生政策' : '咨询电话'}
    </Tabs>
  );
}

describe('Tabs (govuk-frontend style)', () => {
  it('marks the selected tab, keeps only it in the tab order and labels the panel by it', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: '帮助内容' })).toBeInTheDocument();
    const policy = screen.getByRole('tab', { name: '政策查看' });
    const contact = screen.getByRole('tab', { name: '联系我们' });
    expect(policy).toHaveAttribute('aria-selected', 'true');
    expect(contact).toHaveAttribute('aria-selected', 'false');
    expect(policy).toHaveAttribute('tabindex', '0');
    expect(contact).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel', { name: '政策查看' })).toHaveTextContent('招生政策');
  });

  it('arrow keys move to and show the next tab, wrapping; a tap selects', () => {
    render(<Harness />);
    const policy = screen.getByRole('tab', { name: '政策查看' });
    fireEvent.keyDown(policy, { key: 'ArrowRight' });
    const contact = screen.getByRole('tab', { name: '联系我们' });
    expect(contact).toHaveAttribute('aria-selected', 'true');
    expect(contact).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('咨询电话');
    fireEvent.keyDown(contact, { key: 'ArrowRight' });
    expect(policy).toHaveAttribute('aria-selected', 'true');
    expect(policy).toHaveFocus();
    fireEvent.click(contact);
    expect(contact).toHaveAttribute('aria-selected', 'true');
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><Harness /></main>);
    expect(await axe(container)).toHaveNoViolations();
  });
});

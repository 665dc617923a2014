import '@testing-library/jest-dom';
import { render, screen, fireEvent } from '@testing-library/react';
import { NextLinks } from './NextLinks';

/** Each link goes where it says: a swapped callback would open the wrong page. */
describe('办件详情 · where to go next', () => {
  it('shows no link the page did not give', () => {
    render(<NextLinks />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('each link fires its own callback', () => {
    const calls: string[] = [];
    render(
      <NextLinks
        onEditAndResubmit={() => calls.push('edit')}
        onPublicFallback={() => calls.push('fallback')}
        onLottery={() => calls.push('lottery')}
        documents={{ onNotice: () => calls.push('notice'), onReportCode: () => calls.push('reportCode') }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '修改并重新提交' }));
    fireEvent.click(screen.getByRole('button', { name: '报名公办学校（公办兜底）' }));
    fireEvent.click(screen.getByRole('button', { name: '查看录取结果和摇号过程' }));
    fireEvent.click(screen.getByRole('button', { name: '查看电子入学通知书' }));
    fireEvent.click(screen.getByRole('button', { name: '查看报到码' }));
    expect(calls).toEqual(['edit', 'fallback', 'lottery', 'notice', 'reportCode']);
  });
});

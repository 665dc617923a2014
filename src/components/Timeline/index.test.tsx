import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import type { HistoryItem } from '@contract/application';
import { Timeline } from './index';

describe('Timeline', () => {
  const history: HistoryItem[] = [
    { at: '2024-06-05T10:00:00+08:00', from: null, to: 'submitted', action: 'submit', actor: 'parent', seq: 1 },
    { at: '2024-06-06T09:30:00+08:00', from: 'submitted', to: 'underReview', action: 'startReview', actor: 'reviewer', seq: 2 },
    { at: '2024-06-07T15:05:00+08:00', from: 'underReview', to: 'correctionRequested', action: 'requestCorrection', actor: 'reviewer', note: '户口簿照片不清晰', seq: 3 },
  ];

  it('lists every step newest first with its Shanghai time, actor and note', () => {
    render(<Timeline history={history} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('发起补正');
    expect(items[0]).toHaveTextContent('待补正');
    expect(items[0]).toHaveTextContent('6月7日 15:05');
    expect(items[0]).toHaveTextContent('审核人员');
    expect(items[0]).toHaveTextContent('户口簿照片不清晰');
    expect(items[2]).toHaveTextContent('提交报名');
    expect(items[2]).toHaveTextContent('6月5日 10:00');
    expect(items[2]).toHaveTextContent('家长');
  });

  it('orders steps stamped at the same instant by their sequence, newest first', () => {
    const at = '2024-06-05T10:00:00+08:00';
    const later = '2024-06-06T09:30:00+08:00';
    render(
      <Timeline
        history={[
          { at, from: null, to: 'draft', action: 'create', actor: 'parent', seq: 1 },
          { at, from: 'draft', to: 'submitted', action: 'submit', actor: 'parent', seq: 2 },
          { at: later, from: 'submitted', to: 'underReview', action: 'startReview', actor: 'reviewer', seq: 3 },
          { at: later, from: 'underReview', to: 'approved', action: 'approve', actor: 'reviewer', seq: 4 },
        ]}
      />,
    );
    const actions = screen.getAllByRole('listitem').map((li) => li.querySelector('.timeline-action')?.textContent);
    expect(actions).toEqual(['审核通过', '开始审核', '提交报名', '创建申请']);
  });
});

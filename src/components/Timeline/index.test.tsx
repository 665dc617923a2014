import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import type { HistoryEntry } from '@contract/application';
import { Timeline } from './index';

describe('Timeline', () => {
  const history: HistoryEntry[] = [
    { at: '2024-06-05T10:00:00+08:00', from: null, to: 'submitted', action: 'submit', actor: 'parent' },
    { at: '2024-06-06T09:30:00+08:00', from: 'submitted', to: 'underReview', action: 'startReview', actor: 'reviewer' },
    { at: '2024-06-07T15:05:00+08:00', from: 'underReview', to: 'correctionRequested', action: 'requestCorrection', actor: 'reviewer', note: '户口簿照片不清晰' },
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
});

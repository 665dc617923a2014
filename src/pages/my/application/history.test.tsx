import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams } from '../../../../test/navigationMock';
import { useClockStore } from '@/stores/clock';
import { useApplicationsStore } from '@/stores/applications';
import ApplicationDetail from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('办件详情 · 办理进度 reads in order', () => {
  const mock = useMockHost();
  beforeEach(() => {
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
  });

  it('newest first, and steps stamped at one instant in the order they happened', async () => {
    // Created and submitted in one request, review started and approved in one QA call: two pairs
    // of entries that share an instant each.
    await mock.reset('approved-awaiting-confirmation');
    await mock.login('two-children');
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = list.data.applications[0];
    expect(app.history[0].at).toBe(app.history[1].at);
    setPageParams({ id: app.id });
    render(<ApplicationDetail />);
    const timeline = await screen.findByRole('list', { name: '办理进度' });
    const actions = [...timeline.querySelectorAll('.timeline-action')].map((n) => n.textContent);
    expect(actions).toEqual(['审核通过', '开始审核', '提交报名', '创建申请']);
  });
});

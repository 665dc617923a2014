import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams, visited } from '../../../../test/navigationMock';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { useClockStore } from '@/stores/clock';
import Result from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('提交结果', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useApplyDraftStore.setState({ draft: null, submitting: false, lastSubmitted: null });
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
  });

  it('says 提交成功 with the 办件编号, the status, when review is due, and leads to 办件详情', async () => {
    await mock.reset('submitted');
    await mock.login('two-children');
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications[0];
    setPageParams({ id: app.id });
    render(<Result />);
    expect(await screen.findByRole('heading', { name: '提交成功' })).toBeInTheDocument();
    expect(screen.getByTestId('application-number')).toHaveTextContent(app.number);
    expect(screen.getByText(`${app.schoolName} · 待审核`)).toBeInTheDocument();
    expect(await screen.findByText(/下一步：/)).toBeInTheDocument();
    expect(screen.getByText(/等待审核/)).toBeInTheDocument();
    expect(screen.getByText(/^预计审核完成：.+前$/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看办件详情' }));
    expect(visited).toEqual([`/pages/my/application/index?id=${encodeURIComponent(app.id)}`]);
  });

  it('when the result cannot be read, sends the parent to 我的申请 to check instead of guessing', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    setPageParams({ id: 'AP-no-such-application' });
    render(<Result />);
    expect(await screen.findByText(/暂时无法显示提交结果/)).toBeInTheDocument();
    expect(screen.queryByText('提交成功')).not.toBeInTheDocument();
    expect(screen.getByText('请到“个人中心—我的申请”查看是否已提交。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看我的申请' }));
    await waitFor(() => expect(visited).toEqual(['/pages/my/applications/index']));
  });
});

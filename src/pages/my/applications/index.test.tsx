import '@testing-library/jest-dom';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { visited } from '../../../../test/navigationMock';
import { useApplicationsStore } from '@/stores/applications';
import Applications from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('我的申请', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null, loading: false });
  });

  it('lists each application with school, status, masked child and 办件编号, and opens 办件详情', async () => {
    await mock.reset('awaiting-correction');
    await mock.login('two-children');
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications[0];
    render(<Applications />);
    const item = await screen.findByRole('button', { name: `${app.schoolName}，待补正` });
    expect(within(item).getByText('待补正')).toBeInTheDocument();
    expect(item).toHaveTextContent(`办件编号 ${app.number}`);
    expect(item).toHaveTextContent(`${app.childNameMasked} · 幼升小 · 公办`);
    expect(item).not.toHaveTextContent('王子涵');
    fireEvent.click(item);
    expect(visited).toEqual([`/pages/my/application/index?id=${encodeURIComponent(app.id)}`]);
  });

  it('says there is no application yet and where to start', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    render(<Applications />);
    expect(await screen.findByText('还没有申请')).toBeInTheDocument();
    expect(screen.getByText(/幼升小在线申报/)).toBeInTheDocument();
  });

  it('tells the parent when the list cannot be loaded and reloads on request', async () => {
    await mock.reset('submitted');
    await mock.login('two-children');
    await mock.qa('POST', '/__qa/faults', { route: '/applications', kind: 'error500', times: 1 });
    render(<Applications />);
    expect(await screen.findByText(/暂时无法获取申请/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByRole('button', { name: /，待审核$/ })).toBeInTheDocument();
    expect(screen.queryByText(/暂时无法获取申请/)).not.toBeInTheDocument();
  });

  it('tags a green-channel application 绿色通道 in the list', async () => {
    await mock.reset('submitted');
    await mock.login('two-children');
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications[0];
    mock.server.use(http.get(`*${routes.applications}`, () => HttpResponse.json({ applications: [{ ...app, greenChannel: true }] })));
    render(<Applications />);
    const item = await screen.findByRole('button', { name: `${app.schoolName}，待审核，绿色通道` });
    expect(within(item).getByTestId('green-channel')).toHaveTextContent('绿色通道');
  });
});

import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { visited } from '../../../../test/navigationMock';
import { useSessionStore } from '@/stores/session';
import { useMessagesStore } from '@/stores/messages';
import My from '../index';
import Messages from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('消息', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useSessionStore.setState({ session: null, restored: false, returnTo: null, expiredNotice: false });
    useMessagesStore.setState({ list: [], unread: null, loaded: false, loading: false, error: null });
  });

  /** 补正 requested by the reviewer on a submitted application: one message for the parent. */
  async function correctionRequested() {
    await mock.reset('submitted');
    const session = await mock.login('two-children');
    useSessionStore.setState({ session, restored: true });
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications[0];
    await mock.qa('POST', '/__qa/review', { applicationId: app.id, action: 'request-correction', reason: '户口簿照片不清晰', items: ['householdRegister'] });
    return app;
  }

  it('个人中心 has a 消息 row with the unread count, which opens 消息', async () => {
    await correctionRequested();
    render(<My />);
    const row = await screen.findByRole('button', { name: '消息，1条未读' });
    expect(row).toHaveTextContent('1条未读');
    fireEvent.click(row);
    expect(visited).toEqual(['/pages/my/messages/index']);
  });

  it('lists the message marked unread, with the masked child name only; tapping it marks it read and opens its application', async () => {
    const app = await correctionRequested();
    render(<Messages />);
    const item = await screen.findByRole('button', { name: /^未读，需要补正材料，/ });
    expect(item).toHaveTextContent('未读');
    expect(item).toHaveTextContent(`${app.childNameMasked}的报名材料需要补正`);
    expect(document.body.textContent).not.toContain('王子涵');
    expect(screen.getByText('1条未读消息')).toBeInTheDocument();
    fireEvent.click(item);
    await waitFor(() => expect(visited).toEqual([`/pages/my/application/index?id=${encodeURIComponent(app.id)}`]));
    expect(await screen.findByRole('button', { name: /^需要补正材料，/ })).not.toHaveTextContent('未读');
    expect(screen.getByText('消息均已读')).toBeInTheDocument();
    // Read on the server too: a fresh load (another page, another day) still shows it read.
    await waitFor(async () => expect((await mock.api<{ unread: number }>('GET', routes.unreadCount)).data.unread).toBe(0));
  });

  it('forgets the messages as soon as the parent logs out (a shared phone)', async () => {
    await correctionRequested();
    await useMessagesStore.getState().load();
    expect(useMessagesStore.getState().list).toHaveLength(1);
    useSessionStore.setState({ session: null });
    expect(useMessagesStore.getState()).toMatchObject({ list: [], unread: null });
  });

  it('says there is nothing yet and what will come here', async () => {
    await mock.reset('submitted');
    const session = await mock.login('two-children');
    useSessionStore.setState({ session, restored: true });
    render(<Messages />);
    expect(await screen.findByText('暂无消息')).toBeInTheDocument();
    expect(screen.getByText(/审核结果、补正通知、录取结果/)).toBeInTheDocument();
  });

  it('开启消息提醒 asks the host for consent; afterwards a result is pushed through the host with the masked name only', async () => {
    await mock.reset('submitted');
    const session = await mock.login('two-children');
    useSessionStore.setState({ session, restored: true });
    const app = (await mock.api<ApplicationsResponse>('GET', routes.applications)).data.applications[0];
    render(<Messages />);
    fireEvent.click(await screen.findByRole('button', { name: '开启消息提醒' }));
    expect(await screen.findByText(/^已开启10类消息提醒，将通过渝快办通知您/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '开启消息提醒' })).not.toBeInTheDocument();
    expect((await mock.qa('GET', '/__qa/pushes')).pushes).toEqual([]);
    await mock.qa('POST', '/__qa/review', { applicationId: app.id, action: 'reject', reason: '非本区县户籍' });
    await mock.at('2024-06-12T10:00:00+08:00');
    const { pushes } = await mock.qa('GET', '/__qa/pushes');
    expect(pushes).toEqual([expect.objectContaining({ kind: 'rejected', applicationId: app.id, title: '报名审核未通过' })]);
    expect(pushes[0].body).toContain(app.childNameMasked);
    expect(JSON.stringify(pushes[0])).not.toMatch(/王子涵|李娜|非本区县户籍/);
  });

  it('tells the parent when messages cannot be loaded and reloads on request', async () => {
    await correctionRequested();
    await mock.qa('POST', '/__qa/faults', { route: '/messages', kind: 'error500', times: 1 });
    render(<Messages />);
    expect(await screen.findByText(/暂时无法获取消息/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByRole('button', { name: /^未读，需要补正材料，/ })).toBeInTheDocument();
  });
});

import { render, screen, fireEvent, act } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { routes } from '@contract/api';
import { useMockHost } from '../../../test/pageHarness';
import { visited } from '../../../test/navigationMock';
import { useHomeCardStore } from '@/stores/homeCard';
import { useDistrictStore } from '@/stores/district';
import { useSessionStore } from '@/stores/session';
import Home from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

describe('home page', () => {
  const mock = useMockHost();
  beforeEach(() => {
    useHomeCardStore.setState({ cards: {}, error: null });
    useDistrictStore.setState({ currentCode: null });
    useSessionStore.setState({ session: null, restored: false });
  });

  it('follows the chosen district: 渝北 on 5-20 waits for its own registration from 6-09 08:00', async () => {
    await mock.at('2024-05-20T10:00:00+08:00');
    await useDistrictStore.getState().choose('500112');
    render(<Home />);
    const card = await screen.findByTestId('phase-card');
    expect(card).toHaveTextContent('正式网上报名尚未开始');
    expect(card).toHaveTextContent('本区县子女信息维护已于5月18日 22:00截止。本区县正式网上报名将于 6月9日 08:00 开始。');
    expect(card).not.toHaveTextContent('网上审核');
    expect(card).not.toHaveTextContent('00:00');
  });

  it('leads with a waiting 补正 and takes the parent to it', async () => {
    await mock.reset('awaiting-correction');
    const session = await mock.login('two-children');
    useSessionStore.setState({ session });
    await useDistrictStore.getState().choose('500112');
    render(<Home />);
    expect(await screen.findByText(/：请补正报名材料$/)).toBeInTheDocument();
    const card = screen.getByTestId('phase-card');
    expect(card).toHaveTextContent('审核人员要求补正：户口簿照片不清晰');
    expect(card).not.toHaveTextContent('选择学校并提交报名');
    fireEvent.click(screen.getByRole('button', { name: '去补正' }));
    expect(visited.some((u) => u.startsWith('/pages/my/application/index?id='))).toBe(true);
  });

  it('headlines the upkeep phase at the server time, not the phone time', async () => {
    await mock.at('2024-05-08T10:00:00+08:00');
    render(<Home />);
    expect(await screen.findByText('子女信息维护进行中')).toBeInTheDocument();
    expect(screen.getByTestId('phase-card')).toHaveAttribute('data-phase', 'upkeep');
  });

  it('shows private registration on 6-18 and the reassurance that order does not matter', async () => {
    await mock.at('2024-06-18T10:00:00+08:00');
    await useDistrictStore.getState().choose('500101');
    render(<Home />);
    expect(await screen.findByText('民办学校报名进行中')).toBeInTheDocument();
    expect(screen.getByText(/报名先后不影响录取结果/)).toBeInTheDocument();
  });

  it('says when the service reopens during nightly maintenance', async () => {
    await mock.at('2024-05-08T23:00:00+08:00');
    render(<Home />);
    expect(await screen.findByText('系统维护中')).toBeInTheDocument();
    expect(screen.getByTestId('phase-card')).toHaveTextContent('5月9日 08:00');
  });

  it('an expired session on home logs out in place instead of sending the parent to login', async () => {
    const session = await mock.login('two-children');
    useSessionStore.setState({ session });
    await mock.reset(); // the server forgets every session
    visited.length = 0;
    const { navigation } = jest.requireMock('@/services/navigation');
    navigation.currentPath.mockReturnValue('/pages/index/index');
    render(<Home />);
    expect(await screen.findByRole('button', { name: '刷脸登录' })).toBeInTheDocument();
    expect(visited).toEqual([]);
    navigation.currentPath.mockReturnValue('/pages/test/index');
  });

  it('offers face login to a parent who is not logged in', async () => {
    render(<Home />);
    fireEvent.click(await screen.findByRole('button', { name: '刷脸登录' }));
    expect(visited).toContain('/pages/login/index');
  });

  it('paints the entry tiles and login at once, before the card arrives', async () => {
    render(<Home />);
    // Synchronously after the first render: the service is usable while the card loads.
    expect(screen.getByText('正在获取招生日程…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '刷脸登录' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '我的申请' })).toBeInTheDocument();
    expect(await screen.findByTestId('phase-card')).toBeInTheDocument();
    expect(screen.queryByText('正在获取招生日程…')).not.toBeInTheDocument();
  });

  it('keeps the rest of the page when the card fails, and retries in place', async () => {
    await mock.api('POST', '/__qa/faults', { route: '/home-card', kind: 'error500', times: 1 });
    render(<Home />);
    expect(await screen.findByRole('alert')).toHaveTextContent('暂时无法获取招生日程');
    fireEvent.click(screen.getByRole('button', { name: '我的申请' }));
    expect(visited).toContain('/pages/my/applications/index');
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByTestId('phase-card')).toBeInTheDocument();
  });

  it('reaches 个人中心 (我的申请, 长辈版, 退出登录) from the home page', async () => {
    render(<Home />);
    await screen.findByTestId('phase-card');
    const footer = screen.getByRole('navigation', { name: '页面导航' });
    expect(footer).not.toHaveTextContent('返回首页');
    fireEvent.click(screen.getByRole('button', { name: '个人中心' }));
    expect(visited).toContain('/pages/my/index');
  });
  it('keeps the card through a failed refresh and asks again a minute later, then shows the next answer', async () => {
    // 10 s before 渝北's upkeep closes (5-18 22:00): the card asks again when the window shuts.
    await mock.at('2024-05-18T21:59:50+08:00');
    await useDistrictStore.getState().choose('500112');
    jest.spyOn(Math, 'random').mockReturnValue(0);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      render(<Home />);
      expect(await screen.findByText('子女信息维护进行中')).toBeInTheDocument();
      let asked = 0;
      mock.server.use(
        http.get(`*${routes.homeCard}`, () => {
          asked += 1;
          return HttpResponse.json({ error: { code: 'INTERNAL', message: '服务暂时不可用' } }, { status: 500 });
        }),
      );
      await act(() => jest.advanceTimersByTimeAsync(10_000));
      expect(asked).toBeGreaterThan(0);
      // The failure does not replace the card the parent was reading.
      expect(screen.getByText('子女信息维护进行中')).toBeInTheDocument();
      expect(screen.queryByText('暂时无法获取招生日程')).not.toBeInTheDocument();
      const failed = asked;
      await act(() => jest.advanceTimersByTimeAsync(30_000));
      expect(asked).toBe(failed);
      // A minute after the failure it asks again; the server answers now: nightly maintenance from 22:00.
      mock.server.resetHandlers();
      await mock.at('2024-05-18T22:01:00+08:00');
      await act(() => jest.advanceTimersByTimeAsync(31_000));
      expect(screen.queryByText('子女信息维护进行中')).not.toBeInTheDocument();
      expect(screen.getByTestId('phase-card')).toHaveTextContent('系统维护中，将于 5月19日 08:00 恢复');
    } finally {
      jest.useRealTimers();
      jest.restoreAllMocks();
    }
  });
});

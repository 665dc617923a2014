import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { useMockHost } from '../../../test/pageHarness';
import { visited } from '../../../test/navigationMock';
import { getBridge, setBridge } from '@/bridge';
import { fail } from '@/bridge/result';
import type { HostErrorKind } from '@contract/bridge';
import { useSessionStore } from '@/stores/session';
import { useDistrictStore } from '@/stores/district';
import { auth } from '@/services/auth';
import Login from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

function hostFails(kind: HostErrorKind) {
  const bridge = getBridge();
  setBridge({ ...bridge, verifyFace: async () => fail(kind) });
}

describe('face login page', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.length = 0;
    useSessionStore.setState({ session: null, restored: false, returnTo: null, expiredNotice: false });
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
  });

  it('explains face login, logs in and goes to my children', async () => {
    await mock.identity('two-children');
    render(<Login />);
    expect(screen.getByText(/不会获取或保存您的人脸照片/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    await waitFor(() => expect(visited).toContain('/pages/children/index'));
    expect(useSessionStore.getState().session?.parent.nameMasked).toBeTruthy();
    expect(auth.token()).toBeTruthy();
  });

  it('says the parent cancelled and lets them try again', async () => {
    hostFails('cancelled');
    render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('您已取消刷脸');
    expect(screen.getByRole('button', { name: '重新刷脸' })).toBeInTheDocument();
    expect(visited).toHaveLength(0);
  });

  it('when the host cannot do face verification, offers the district phone with a call button and offline points', async () => {
    await useDistrictStore.getState().load();
    await useDistrictStore.getState().choose('500112');
    hostFails('unavailable');
    const calls: string[] = [];
    const bridge = getBridge();
    setBridge({ ...bridge, makePhoneCall: async (phone) => (calls.push(phone), { ok: true, value: undefined }) });
    render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('当前应用暂不支持刷脸');
    const help = await screen.findByTestId('offline-help');
    expect(help).toHaveTextContent('渝北区招生咨询电话');
    fireEvent.click(screen.getByRole('button', { name: '拨打渝北区招生咨询电话' }));
    expect(calls).toHaveLength(1);
    expect(help).toHaveTextContent(/报名点/);
  });

  it('explains a failed verification and a network failure differently', async () => {
    hostFails('failed');
    const { unmount } = render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('刷脸核验未通过');
    expect(screen.getByRole('button', { name: '选择区县，查看咨询电话' })).toBeInTheDocument();
    unmount();
    hostFails('network');
    render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('网络连接不稳定');
  });

  it('shows the server refusal of an unfinished face verification in its own words', async () => {
    // A host that claims success without its face service having verified anyone.
    const bridge = getBridge();
    setBridge({ ...bridge, verifyFace: async () => ({ ok: true, value: undefined }) });
    render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('登录未成功');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fa5]{4,}/);
  });

  it('after an expired session brings the parent back to the page they were on', async () => {
    await mock.identity('two-children');
    useSessionStore.getState().expire('/pages/child/upkeep/index?childId=c1');
    render(<Login />);
    expect(screen.getByText('登录已过期，请重新刷脸', { exact: false })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    await waitFor(() => expect(visited).toContain('/pages/child/upkeep/index?childId=c1'));
  });

  it('opened from a page with a typed returnTo, goes back there after login (not on to 我的子女)', async () => {
    const { setPageParams } = jest.requireMock('@/services/navigation') as typeof import('../../../test/navigationMock');
    setPageParams({ returnTo: 'my' });
    await mock.identity('two-children');
    render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    await waitFor(() => expect(visited).toEqual(['/pages/my/index']));
    setPageParams({});
  });

  it('after an expired session, goes back to the page it left, but never to anything that is not one of the module\'s pages', async () => {
    await mock.identity('two-children');
    useSessionStore.setState({ restored: true, returnTo: '/pages/my/applications/index', returnScope: null });
    const { unmount } = render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    await waitFor(() => expect(visited).toEqual(['/pages/my/applications/index']));
    unmount();
    visited.length = 0;
    useSessionStore.setState({ session: null, restored: true, returnTo: 'https://evil.example/pages/my/index', returnScope: null });
    render(<Login />);
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    await waitFor(() => expect(visited).toEqual(['/pages/children/index']));
  });
});

import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { useMockHost } from '../../../test/pageHarness';
import { visited } from '../../../test/navigationMock';
import { useSessionStore } from '@/stores/session';
import { useUiStore } from '@/stores/ui';
import { draftKey, emptyDraft, useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore, resubmitKey } from '@/stores/applications';
import { upkeepDraftKey } from '@/stores/upkeep';
import { materialsDraftKey } from '@/stores/materials';
import { ADD_CHILD_DRAFT_KEY } from '@/stores/children';
import { draftKeys, loadJson, saveJson } from '@/stores/persisted';
import My from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

describe('个人中心', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useSessionStore.setState({ session: null, restored: false, returnTo: null, expiredNotice: false });
    useUiStore.setState({ hostStyle: 'normal', parentChoice: null, initialised: false });
    useApplyDraftStore.setState({ draft: null, submitting: false, lastSubmitted: null });
  });

  async function loggedIn() {
    await mock.reset('registration-open');
    const session = await mock.login('two-children');
    useSessionStore.setState({ session, restored: true });
    return session;
  }

  it('shows the parent masked, never the full ID number or phone', async () => {
    const session = await loggedIn();
    render(<My />);
    expect(await screen.findByText(session.parent.nameMasked)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`身份证 ${session.parent.idNumberMasked.replace(/\*/g, '\\*')}`))).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);
    fireEvent.click(screen.getByRole('button', { name: /我的申请/ }));
    expect(visited).toContain('/pages/my/applications/index');
  });

  it('offers a way home in its footer but no link to itself', async () => {
    await loggedIn();
    render(<My />);
    const footer = await screen.findByRole('navigation', { name: '页面导航' });
    expect(footer).toHaveTextContent('返回首页');
    expect(footer).not.toHaveTextContent('个人中心');
    fireEvent.click(screen.getByRole('button', { name: /我的子女/ }));
    expect(visited).toContain('/pages/children/index');
  });

  it('长辈版 switch turns elder mode on and off and remembers the choice', async () => {
    await loggedIn();
    render(<My />);
    const sw = await screen.findByRole('switch', { name: '长辈版' });
    expect(sw).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('page')).not.toHaveClass('elder');
    fireEvent.click(sw);
    await waitFor(() => expect(screen.getByRole('switch', { name: '长辈版' })).toHaveAttribute('aria-checked', 'true'));
    expect(screen.getByTestId('page')).toHaveClass('elder');
    await waitFor(async () => expect(await loadJson('ui')).toEqual({ parentChoice: 'elder' }));
    fireEvent.click(screen.getByRole('switch', { name: '长辈版' }));
    await waitFor(() => expect(screen.getByTestId('page')).not.toHaveClass('elder'));
  });

  it('退出登录 removes every draft on the phone (registration, upkeep, materials, 补正, manual add) and ends the session', async () => {
    await loggedIn();
    await saveJson(draftKey('primary'), { ...emptyDraft('primary'), childId: 'CH-two-children-primary' });
    await saveJson(upkeepDraftKey('CH-two-children-primary'), { info: { householdAddress: { text: '重庆市渝北区金龙路88号' } }, dirty: true });
    await saveJson(materialsDraftKey('CH-two-children-primary'), { files: {} });
    await saveJson(resubmitKey('A1'), { materials: {}, attemptKey: null });
    await saveJson(ADD_CHILD_DRAFT_KEY, { name: '张小雨', idNumber: '500112201801150026', relationship: 'mother' });
    await saveJson('currentDistrict', '500112');
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), childId: 'CH-two-children-primary' } });
    useApplicationsStore.setState({ list: [], byId: {} });

    render(<My />);
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    // It asks once, saying what is lost; 不退出 keeps everything.
    expect(screen.getByRole('alertdialog', { name: '确定退出登录吗？' })).toHaveTextContent('本机保存的报名草稿和未保存的填写内容会被清除');
    fireEvent.click(screen.getByRole('button', { name: '不退出' }));
    expect(useSessionStore.getState().session).not.toBeNull();
    expect(await draftKeys()).not.toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    fireEvent.click(screen.getByRole('button', { name: '确定退出' }));
    await waitFor(() => expect(visited).toContain('/pages/index/index'));
    expect(await draftKeys()).toEqual([]);
    expect(Object.keys(window.localStorage).filter((k) => k.includes('draft:'))).toEqual([]);
    expect(await loadJson('session')).toBeNull();
    expect(await loadJson('currentDistrict')).toBe('500112');
    expect(useApplyDraftStore.getState().draft).toBeNull();
    expect(useSessionStore.getState().session).toBeNull();
    expect(await screen.findByText(/已退出登录，本机保存的报名草稿已清除/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '刷脸登录' })).toBeInTheDocument();
  });
});

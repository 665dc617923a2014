import '@testing-library/jest-dom';
import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import { useMockHost } from '../../test/pageHarness';
import { setPageParams, visited } from '../../test/navigationMock';
import { auth } from '@/services/auth';
import { useSessionStore } from '@/stores/session';
import { useChildrenStore } from '@/stores/children';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { useClockStore } from '@/stores/clock';
import { useUpkeepStore } from '@/stores/upkeep';
import { useMaterialsStore } from '@/stores/materials';
import { draftKeys } from '@/stores/persisted';
import Login from '@/pages/login';
import AddChild from '@/pages/child/add';
import Apply from '@/pages/apply';
import Children from '@/pages/children';

/** The field itself (Taro's input element), not the native input inside it that carries the same label. */
const FIELD = { selector: 'taro-input-core' };

jest.mock('@/services/navigation', () => require('../../test/navigationMock'));

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
/** Drafts are written through a queue (persisted.ts): let it drain, as leaving a page would. */
const drained = () => act(async () => void (await draftKeys()));

/** What the app holds in memory, as a fresh launch of the module has it (storage is kept). */
function relaunch() {
  useSessionStore.setState({ session: null, restored: false, returnTo: null, returnScope: null, expiredNotice: false });
  useChildrenStore.getState().reset();
  useApplyDraftStore.setState({ draft: null, loaded: false, submitting: false, lastSubmitted: null });
  useApplicationsStore.setState({ list: [], byId: {}, loading: false, busy: false, error: null });
  useUpkeepStore.getState().reset();
  useMaterialsStore.getState().reset();
  useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
  auth.setToken(null);
}

describe('一部手机，两位家长：草稿只属于填写它的家长', () => {
  const mock = useMockHost();
  beforeEach(async () => {
    visited.length = 0;
    relaunch();
    setPageParams({ stage: 'primary' });
    await mock.reset('registration-open');
  });

  /** 刷脸登录 on the login page as the seeded identity; returns where the page sent the parent. */
  async function faceLogin(identity: string): Promise<string> {
    await mock.identity(identity);
    visited.length = 0;
    const page = render(<Login />);
    fireEvent.click(await screen.findByRole('button', { name: /开始刷脸|重新刷脸/ }));
    await waitFor(() => expect(visited.length).toBeGreaterThan(0));
    page.unmount();
    return visited[visited.length - 1];
  }

  /** The server answers 登录已过期 on the next call (the session ran out while the phone lay there). */
  async function sessionRunsOut() {
    await mock.qa('POST', '/__qa/faults', { route: '/api/v1/children', kind: 'sessionExpired', times: 1 });
    visited.length = 0;
    const page = render(<Children />);
    await waitFor(() => expect(visited).toContain('/pages/login/index'));
    page.unmount();
  }

  async function typeAddChildDraft() {
    const page = render(<AddChild />);
    typeInto(await screen.findByLabelText('子女姓名', FIELD), '张小雨');
    typeInto(screen.getByLabelText('子女身份证件号码', FIELD), '5001122018');
    fireEvent.click(screen.getByRole('radio', { name: '母亲' }));
    await drained();
    page.unmount();
  }

  async function choosePrivateSchool() {
    const page = render(<Apply />);
    fireEvent.click(await screen.findByRole('radio', { name: '民办学校' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '民办学校' })).toHaveAttribute('aria-checked', 'true'));
    await drained();
    page.unmount();
  }

  /** What the 手动新增 form and the 在线申报 page show this parent. */
  async function whatIsShown() {
    const add = render(<AddChild />);
    const name = await screen.findByLabelText('子女姓名', FIELD);
    // The form has loaded its draft (or found none) once the page settles.
    await waitFor(() => expect(useChildrenStore.getState().addDraftLoaded).toBe(true));
    const shown = { name: name.getAttribute('value') ?? '', idNumber: screen.getByLabelText('子女身份证件号码', FIELD).getAttribute('value') ?? '', mother: screen.getByRole('radio', { name: '母亲' }).getAttribute('aria-checked') };
    add.unmount();
    const apply = render(<Apply />);
    const privateSchool = await screen.findByRole('radio', { name: '民办学校' });
    const result = { ...shown, privateSchool: privateSchool.getAttribute('aria-checked') };
    apply.unmount();
    return result;
  }

  it('第二位家长登录后看不到第一位家长的草稿，第一位家长再次登录后草稿还在', async () => {
    // 王女士 (two-children) starts: a child added by hand, half typed, and 民办学校 chosen.
    expect(await faceLogin('two-children')).toBe('/pages/children/index');
    await typeAddChildDraft();
    await choosePrivateSchool();

    // Her session runs out; 李先生 (migrant) picks up the phone and logs in, in the same visit.
    await sessionRunsOut();
    // He is not sent back to the page she left.
    expect(await faceLogin('migrant')).toBe('/pages/children/index');
    expect(await whatIsShown()).toEqual({ name: '', idNumber: '', mother: 'false', privateSchool: 'false' });
    // Nothing of hers is on his screen anywhere.
    expect(document.body.textContent).not.toContain('张小雨');

    // His session runs out too; the module is opened again later, and 王女士 logs back in.
    await sessionRunsOut();
    relaunch();
    expect(await faceLogin('two-children')).toBe('/pages/children/index');
    expect(await whatIsShown()).toEqual({ name: '张小雨', idNumber: '5001122018', mother: 'true', privateSchool: 'true' });
  });

  it('登录过期后由本人重新刷脸，回到刚才的页面；换了一位家长则不回去', async () => {
    await faceLogin('two-children');
    await sessionRunsOut();
    // The page the session ran out on (the navigation stand-in's current page).
    expect(await faceLogin('two-children')).toBe('/pages/my/applications/index');
    await sessionRunsOut();
    expect(await faceLogin('migrant')).toBe('/pages/children/index');
  });
});

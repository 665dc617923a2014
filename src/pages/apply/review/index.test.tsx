import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { routes, type ApplicationsResponse, type ChildrenResponse, type SchoolsResponse, type UpkeepResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams, visited } from '../../../../test/navigationMock';
import { emptyDraft, useApplyDraftStore } from '@/stores/applyDraft';
import Review from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('核对报名信息 → 确认提交', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useApplyDraftStore.setState({ draft: null, submitting: false, lastSubmitted: null });
  });

  async function prepare(notesAccepted: boolean) {
    await mock.reset('registration-open');
    await mock.login('two-children');
    const children = await mock.api<ChildrenResponse>('GET', routes.children);
    const child = children.data.children.find((c) => c.eligibleStage === 'primary')!;
    const upkeep = await mock.api<UpkeepResponse>('GET', routes.upkeep(child.id));
    const schools = await mock.api<SchoolsResponse>('GET', `${routes.schools('500112')}?stage=primary`);
    const school = schools.data.schools.find((s) => s.type === 'publicNormal')!;
    useApplyDraftStore.setState({
      draft: { ...emptyDraft('primary'), districtCode: '500112', childId: child.id, nature: 'public', schoolType: 'publicNormal', schoolId: school.id, upkeep: upkeep.data.upkeep, notesAccepted },
    });
    setPageParams({ stage: 'primary' });
  }

  it('a double tap creates exactly one application and says 提交成功 with its number', async () => {
    await prepare(true);
    render(<Review />);
    const button = await screen.findByRole('button', { name: '确认提交' });
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(visited.some((u) => u.startsWith('/pages/apply/result/index?id='))).toBe(true));
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(1);
    expect(useApplyDraftStore.getState().lastSubmitted?.number).toBe(list.data.applications[0].number);
  });

  it('a retry after a lost answer replays the same key and still creates one application', async () => {
    await prepare(true);
    const draft = { ...useApplyDraftStore.getState().draft!, attemptKey: 'attempt-lost-answer' };
    useApplyDraftStore.setState({ draft });
    const first = await useApplyDraftStore.getState().submit();
    // The answer never reached the phone: the draft (with its key) is still there and is retried.
    useApplyDraftStore.setState({ draft });
    const second = await useApplyDraftStore.getState().submit();
    expect(first.kind).toBe('submitted');
    expect(second.kind).toBe('submitted');
    const ids = [first, second].map((o) => (o as { application: { id: string } }).application.id);
    expect(ids[0]).toBe(ids[1]);
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(1);
  });

  it('takes down the last attempt message while the next attempt is on its way', async () => {
    await prepare(true);
    render(<Review />);
    await mock.api('POST', '/__qa/faults', { route: routes.applications, kind: 'error500', times: 1 });
    fireEvent.click(await screen.findByRole('button', { name: '确认提交' }));
    const lastMessage = /暂未确认是否提交成功|提交未成功/;
    expect(await screen.findByText(lastMessage)).toBeInTheDocument();
    // The next attempt is retried by the client after a lost answer: meanwhile the old message is gone.
    await mock.api('POST', '/__qa/faults', { route: routes.applications, kind: 'offline', times: 1 });
    fireEvent.click(screen.getByRole('button', { name: /^(确认提交|再次提交)$/ }));
    expect(screen.queryByText(lastMessage)).not.toBeInTheDocument();
    await waitFor(() => expect(visited.some((u) => u.startsWith('/pages/apply/result/index?id='))).toBe(true), { timeout: 5000 });
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(1);
  });

  it('cannot submit before the 申报须知 are ticked, and a tap on the greyed 确认提交 says why', async () => {
    await prepare(false);
    render(<Review />);
    const button = await screen.findByRole('button', { name: '确认提交' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(/请先阅读并勾选申报须知/)).toBeInTheDocument();
    // A tap on the greyed button answers: the summary says what is missing and takes the focus; nothing is sent.
    fireEvent.click(button);
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('还不能提交');
    expect(summary).toHaveTextContent('请返回阅读申报须知并勾选');
    await waitFor(() => expect(summary).toHaveFocus());
    expect((await mock.api<ApplicationsResponse>('GET', routes.applications)).data.applications).toHaveLength(0);
    // The store refuses for this reason and no other, before anything reaches the server.
    const refused = await useApplyDraftStore.getState().submit();
    expect(refused).toEqual({ kind: 'refused', error: { code: 'VALIDATION', message: '请先阅读申报须知并勾选“我已阅读以上申报须知，知晓并确认相关内容”' } });
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(0);
  });

  it('keeps the draft and says so when the server refuses', async () => {
    await prepare(true);
    await mock.at('2024-07-20T10:00:00+08:00');
    render(<Review />);
    fireEvent.click(await screen.findByRole('button', { name: '确认提交' }));
    expect(await screen.findByText(/提交未成功，报名信息已保留/)).toBeInTheDocument();
    expect(useApplyDraftStore.getState().draft?.schoolId).toBeTruthy();
    // The refusal is in the error summary, which takes the focus.
    const summary = screen.getByTestId('error-summary');
    // The reason is the closed window (2024-07-20 is after registration), not any refusal.
    expect(summary).toHaveTextContent(/1\. .*(报名|截止|不在)/);
    expect(summary).not.toHaveTextContent('请选择学校');
    await waitFor(() => expect(summary).toHaveFocus());
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(0);
  });

  it('lists the server\'s fieldErrors in the error summary and moves the focus there; Enter presses 确认提交', async () => {
    await prepare(true);
    useApplyDraftStore.setState((st) => ({ draft: st.draft && { ...st.draft, schoolId: 'no-such-school' } }));
    render(<Review />);
    const button = await screen.findByRole('button', { name: '确认提交' });
    // Keyboard only: Enter on the focused button submits, as a tap does.
    fireEvent.keyDown(button, { key: 'Enter' });
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('【出错了】提交未成功，报名信息已保留，原因如下');
    expect(summary).toHaveTextContent('1. 请选择学校');
    expect(summary).toHaveAttribute('role', 'alert');
    await waitFor(() => expect(summary).toHaveFocus());
    // Each refused attempt brings the focus back to the summary.
    summary.blur();
    fireEvent.keyDown(screen.getByRole('button', { name: '确认提交' }), { key: ' ' });
    await waitFor(() => expect(screen.getByTestId('error-summary')).toHaveFocus());
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(0);
  });

  it('is a check-answers page: each answer has a 修改 that returns to its section with the draft intact', async () => {
    await prepare(true);
    render(<Review />);
    await screen.findByRole('button', { name: '确认提交' });
    const before = useApplyDraftStore.getState().draft;
    fireEvent.click(screen.getByRole('button', { name: '修改报名学校' }));
    expect(visited).toContain('/pages/apply/index?stage=primary&section=school');
    fireEvent.click(screen.getByRole('button', { name: '修改户籍地址（户口簿地址）' }));
    expect(visited).toContain('/pages/apply/index?stage=primary&section=info');
    // 房产情况 is answered in the same section and checked here too, under the form's own name.
    fireEvent.click(screen.getByRole('button', { name: '修改房产情况' }));
    expect(visited.filter((v) => v.endsWith('section=info'))).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '修改申报须知' }));
    expect(visited).toContain('/pages/apply/index?stage=primary&section=notes');
    expect(useApplyDraftStore.getState().draft).toEqual(before);
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(list.data.applications).toHaveLength(0);
  });
});

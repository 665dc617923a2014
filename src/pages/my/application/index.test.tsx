import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams } from '../../../../test/navigationMock';
import { useClockStore } from '@/stores/clock';
import { useApplicationsStore } from '@/stores/applications';
import { useApplyDraftStore } from '@/stores/applyDraft';
import ApplicationDetail from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('办件详情', () => {
  const mock = useMockHost();
  beforeEach(() => {
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
    useApplyDraftStore.setState({ draft: null, submitting: false, lastSubmitted: null });
  });

  async function open(scenario: string, now?: string) {
    await mock.reset(scenario);
    if (now) await mock.at(now);
    await mock.login('two-children');
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = list.data.applications[0];
    setPageParams({ id: app.id });
    render(<ApplicationDetail />);
    return app;
  }

  it('withdraws while 待审核 and turns the application into an editable draft', async () => {
    const app = await open('submitted');
    expect(await screen.findByTestId('status')).toHaveTextContent('待审核');
    expect(screen.getByText('办理进度')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '撤回申请' }));
    fireEvent.click(screen.getByRole('button', { name: '确定撤回' }));
    expect(await screen.findByText(/已撤回，可修改后重新提交/)).toBeInTheDocument();
    expect(screen.getByTestId('status')).toHaveTextContent('已撤回');
    await waitFor(() => expect(useApplyDraftStore.getState().draft?.fromApplicationId).toBe(app.id));
    expect(useApplyDraftStore.getState().draft?.schoolId).toBe(app.schoolId);
  });

  it('offers no withdrawal once review has started', async () => {
    await open('resubmitted');
    expect(await screen.findByTestId('status')).toHaveTextContent('已补正，待复审');
    expect(screen.queryByRole('button', { name: '撤回申请' })).not.toBeInTheDocument();
    expect(screen.getByText(/审核已开始，不能撤回/)).toBeInTheDocument();
  });

  it("shows the reviewer's reason and exactly which materials to replace", async () => {
    await open('awaiting-correction');
    const box = await screen.findByTestId('correction');
    expect(box).toHaveTextContent('审核意见：户口簿照片不清晰，请重新拍摄户主页和本人页');
    expect(box).toHaveTextContent('户口簿');
    expect(box).not.toHaveTextContent('出生医学证明');
    expect(screen.getByRole('button', { name: '提交补正材料' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('a tap on 提交补正材料 before the photo is replaced says what is missing and takes the focus there', async () => {
    await open('awaiting-correction');
    fireEvent.click(await screen.findByRole('button', { name: '提交补正材料' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('还不能提交补正材料');
    expect(summary).toHaveTextContent('请重新上传：户口簿');
    await waitFor(() => expect(summary).toHaveFocus());
  });

  it('确认入学 (private) asks once, saying what it binds, and binds the place only on the confirming answer', async () => {
    const app = await open('private-admitted', '2024-06-20T17:00:00+08:00');
    fireEvent.click(await screen.findByRole('button', { name: '确认入学' }));
    const dialog = screen.getByRole('alertdialog', { name: '确定确认入学吗？' });
    expect(dialog).toHaveTextContent(`学位锁定在${app.schoolName}（民办），不能撤回`);
    fireEvent.click(screen.getByRole('button', { name: '暂不确认' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('status')).not.toHaveTextContent('已确认入学');
    fireEvent.click(screen.getByRole('button', { name: '确认入学' }));
    fireEvent.click(screen.getByRole('button', { name: '确定确认入学' }));
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('已确认入学'));
  });

  it('counts down the private confirmation before 18:00', async () => {
    await open('private-admitted', '2024-06-20T17:59:00+08:00');
    expect(await screen.findByRole('timer')).toHaveTextContent(/还剩 0小时 [01]分/);
    expect(screen.getByRole('button', { name: '确认入学' })).toBeInTheDocument();
  });

  it('refuses confirmation at 18:00:01 and shows the place as forfeited', async () => {
    const app = await open('private-admitted', '2024-06-20T18:00:01+08:00');
    expect(await screen.findByText(/已逾期未确认，视为放弃该学位/)).toBeInTheDocument();
    expect(screen.getByText(/入学确认已于 6月20日 18:00 截止/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认入学' })).not.toBeInTheDocument();
    const refused = await mock.api<{ error: { message: string } }>('POST', routes.confirm(app.id));
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });

  it('leads a child who lost the lottery to the public fallback', async () => {
    await open('private-lottery-lost');
    expect(await screen.findByTestId('status')).toHaveTextContent(/未录取|逾期/);
    expect(screen.getByRole('button', { name: '报名公办学校（公办兜底）' })).toBeInTheDocument();
    expect(screen.getByTestId('next-action')).toHaveTextContent('6月21日至6月29日');
  });

  it('shows the 绿色通道 tag and its shorter review promise on a green-channel application', async () => {
    await mock.reset('submitted');
    await mock.login('two-children');
    const app = (await mock.api<ApplicationsResponse>('GET', routes.applications)).data.applications[0];
    mock.server.use(http.get(`*${routes.application(app.id)}`, () => HttpResponse.json({ application: { ...app, greenChannel: true } })));
    setPageParams({ id: app.id });
    render(<ApplicationDetail />);
    expect(await screen.findByTestId('green-channel')).toHaveTextContent('绿色通道');
    expect(screen.getByTestId('green-channel-promise')).toHaveTextContent('绿色通道优先审核：提交后 5 个工作日内完成审核');
  });

  it('an ordinary application shows neither', async () => {
    await open('submitted');
    expect(await screen.findByTestId('status')).toHaveTextContent('待审核');
    expect(screen.queryByTestId('green-channel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('green-channel-promise')).not.toBeInTheDocument();
  });
});

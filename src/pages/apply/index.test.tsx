import '@testing-library/jest-dom';
import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../test/pageHarness';
import { setPageParams, visited } from '../../../test/navigationMock';
import { useDistrictStore } from '@/stores/district';
import { routes as routes_ } from '@/config/routes';
import { emptyDraft, useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { useClockStore } from '@/stores/clock';
import Apply from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

describe('在线申报', () => {
  const mock = useMockHost();
  beforeEach(() => {
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
    setPageParams({ stage: 'primary' });
  });

  it('explains 不可兼报 when a child with a live public application is entered for a private school', async () => {
    await mock.reset('submitted');
    await mock.login('two-children');
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const live = list.data.applications[0];
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: live.districtCode, childId: live.childId } });
    render(<Apply />);
    fireEvent.click(await screen.findByText('民办学校'));
    expect(await screen.findByText('【出错了】不可兼报')).toBeInTheDocument();
    expect(screen.getByText(/该子女已有进行中的报名.*只能选择其一/)).toBeInTheDocument();
  });

  it('shows the 申报须知 and keeps the next step closed until the tick', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112', nature: 'public', schoolType: 'publicNormal' } });
    render(<Apply />);
    const tick = await screen.findByRole('checkbox', { name: /我已阅读以上申报须知，知晓并确认相关内容/ });
    expect(tick).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对报名信息' }));
    // Listed in the error summary at the top (which takes the focus) and again beside the button.
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent(/请修改以下 \d+ 处后再提交/);
    expect(summary).toHaveTextContent('1. 请阅读申报须知并勾选“我已阅读以上申报须知，知晓并确认相关内容”');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getAllByText(/请阅读申报须知并勾选/)).toHaveLength(2);
  });

  it('keyboard: Enter ticks the 申报须知; each refused 下一步 (Enter or Space) moves the focus to the error summary', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112', nature: 'public', schoolType: 'publicNormal' } });
    render(<Apply />);
    const tick = await screen.findByRole('checkbox', { name: /我已阅读以上申报须知，知晓并确认相关内容/ });
    await waitFor(() => expect(tick).toHaveAttribute('aria-disabled', 'false'));
    fireEvent.keyDown(tick, { key: 'Enter' });
    await waitFor(() => expect(tick).toHaveAttribute('aria-checked', 'true'));
    const next = screen.getByRole('button', { name: '下一步：核对报名信息' });
    fireEvent.keyDown(next, { key: 'Enter' });
    const summary = await screen.findByTestId('error-summary');
    // The tick is done; what is still missing is listed (no child chosen yet).
    expect(summary).toHaveTextContent('请填写或上传：子女');
    expect(summary).not.toHaveTextContent('请阅读申报须知');
    await waitFor(() => expect(summary).toHaveFocus());
    summary.blur();
    fireEvent.keyDown(next, { key: ' ' });
    await waitFor(() => expect(screen.getByTestId('error-summary')).toHaveFocus());
  });

  it('when the school list fails to load, says so in Chinese and 重试 brings it', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    await mock.api('POST', '/__qa/faults', { route: '/schools', kind: 'error500', times: 1 });
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112', nature: 'public', schoolType: 'publicNormal' } });
    render(<Apply />);
    expect(await screen.findByText('暂时无法获取学校名单', { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/服务暂时出现问题/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('radiogroup', { name: '学校' })).toBeInTheDocument();
    expect(screen.queryByText('暂时无法获取学校名单', { exact: false })).not.toBeInTheDocument();
  });

  it('when the materials checklist fails to load, says so in Chinese and 重试 brings it', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    await mock.api('POST', '/__qa/faults', { route: '/materials', kind: 'error500', times: 1 });
    useApplyDraftStore.setState({
      draft: { ...emptyDraft('primary'), districtCode: '500112', childId: 'CH-two-children-primary', nature: 'public', schoolType: 'publicNormal' },
    });
    render(<Apply />);
    expect(await screen.findByText('暂时无法获取材料清单', { exact: false })).toBeInTheDocument();
    expect(screen.queryByTestId('materials')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('materials')).toBeInTheDocument();
    expect(screen.queryByText('暂时无法获取材料清单', { exact: false })).not.toBeInTheDocument();
  });

  it('a parent who skipped upkeep is asked for the guardian name too, beside the field', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    useApplyDraftStore.setState({
      draft: { ...emptyDraft('primary'), districtCode: '500112', childId: 'CH-two-children-primary', nature: 'public', schoolType: 'publicNormal', notesAccepted: true },
    });
    render(<Apply />);
    expect(await screen.findByText('监护人姓名')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对报名信息' }));
    // The domain's validateUpkeep message, the same one the upkeep page and the server give.
    expect(await screen.findByText('请输入姓名')).toBeInTheDocument();
  });

  it('选择区域 and 前往我的子女 are detours that come back: they carry the flow, and a district changed there replaces the draft\'s (and its school)', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    visited.length = 0;
    useDistrictStore.setState({ currentCode: '500112' });
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112', nature: 'public', schoolType: 'publicNormal', schoolId: 'x' } });
    render(<Apply />);
    fireEvent.click(await screen.findByRole('button', { name: '更换区域' }));
    expect(visited).toEqual([routes_.district({ page: 'apply', params: { stage: 'primary', section: 'district' } })]);
    // The parent picks 江北区 on the district page; this page, still open below, follows it.
    act(() => useDistrictStore.setState({ currentCode: '500105' }));
    await waitFor(() => expect(useApplyDraftStore.getState().draft).toMatchObject({ districtCode: '500105', schoolId: null }));
    expect(await screen.findByText('江北区')).toBeInTheDocument();
  });
});

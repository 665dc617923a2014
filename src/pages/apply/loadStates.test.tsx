import '@testing-library/jest-dom';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { useMockHost } from '../../../test/pageHarness';
import { setPageParams, visited } from '../../../test/navigationMock';
import { emptyDraft, useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { useChildrenStore } from '@/stores/children';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import Apply from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

/** A load that failed or could not start says why and what to do; it is never an empty answer. */
describe('在线申报 · failures are not empty answers', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.length = 0;
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
    useDistrictStore.setState({ currentCode: null });
    setPageParams({ stage: 'primary' });
  });

  it('during maintenance the children list says the system is closed and when it reopens, not "no child of age"', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    await mock.at('2024-06-11T23:00:00+08:00');
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112' } });
    render(<Apply />);
    expect(await screen.findByText(/暂时无法获取子女信息/)).toBeInTheDocument();
    const childCard = document.getElementById('apply-child')!;
    expect(childCard).toHaveTextContent(/系统维护中，将于 6月12日 08:00 恢复/);
    expect(screen.queryByText(/没有符合本学段年龄的子女/)).not.toBeInTheDocument();
    // After the night it works from the same page.
    await mock.at('2024-06-12T08:00:00+08:00');
    fireEvent.click(within(childCard).getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText(/王\*涵/)).toBeInTheDocument();
  });

  it('without a district the 申报须知 asks for one instead of loading forever', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: null, nature: 'public', schoolType: 'publicNormal' } });
    render(<Apply />);
    const notes = await screen.findByTestId('notes');
    expect(notes).toHaveTextContent('申报须知由孩子9月就读学校所在的区县发布，请先选择当前区域。');
    expect(notes).not.toHaveTextContent('正在获取申报须知…');
    fireEvent.click(screen.getByRole('button', { name: '选择当前区域' }));
    expect(visited).toContain('/pages/district/index');
  });

  it('a failed school list is told in the 申报须知 too, with a retry', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    await mock.api('POST', '/__qa/faults', { route: '/schools', kind: 'error500', times: 1 });
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112', nature: 'public', schoolType: 'publicNormal' } });
    render(<Apply />);
    expect(await screen.findByText(/暂时无法获取申报须知：申报须知随学校名单一起获取，请点击上方“重试”。/)).toBeInTheDocument();
    expect(screen.queryByText('正在获取申报须知…')).not.toBeInTheDocument();
  });

  it('names the private registration window from the calendar, with times a parent can act at', async () => {
    await mock.reset('registration-open');
    await mock.login('two-children');
    useApplyDraftStore.setState({ draft: { ...emptyDraft('primary'), districtCode: '500112' } });
    render(<Apply />);
    expect(await screen.findByText(/民办学校报名时间为6月17日 08:00 至 6月19日 22:00。/)).toBeInTheDocument();
  });
});

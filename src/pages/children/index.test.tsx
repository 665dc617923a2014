import '@testing-library/jest-dom';
import { act, render, screen, fireEvent } from '@testing-library/react';
import { useMockHost } from '../../../test/pageHarness';
import { visited } from '../../../test/navigationMock';
import { useChildrenStore } from '@/stores/children';
import { useSessionStore } from '@/stores/session';
import { useDistrictStore } from '@/stores/district';
import Children from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

describe('my children page', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.length = 0;
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
    useSessionStore.setState({ session: null, restored: false, returnTo: null, expiredNotice: false });
  });

  async function loginAs(identity: string) {
    const session = await mock.login(identity);
    useSessionStore.setState({ session, restored: true });
  }

  it('the step bar does not tick 当前区域 before a district is chosen', async () => {
    useDistrictStore.setState({ currentCode: null });
    await loginAs('two-children');
    render(<Children />);
    await screen.findAllByTestId('child-card');
    const steps = screen.getAllByRole('listitem').filter((li) => li.className.includes('step'));
    expect(steps[0]).toHaveTextContent('✓ 刷脸登录');
    expect(steps[1]).toHaveTextContent('2 当前区域（未完成）');
    expect(screen.queryByText('✓ 当前区域')).not.toBeInTheDocument();
    await act(() => useDistrictStore.getState().choose('500112'));
    expect(await screen.findByText('✓ 当前区域')).toBeInTheDocument();
  });

  it('lists the children found through Chongqing birth records with eligibility in plain words', async () => {
    await loginAs('two-children');
    render(<Children />);
    expect(screen.getByText(/只能自动查到在重庆出生的子女/)).toBeInTheDocument();
    const cards = await screen.findAllByTestId('child-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('王子涵');
    expect(cards[0]).toHaveTextContent('可报名：幼升小（入读一年级）');
    expect(cards[1]).toHaveTextContent('王浩宇');
    expect(cards[1]).toHaveTextContent('可报名：小升初（入读七年级）');
    // ID numbers are masked on the list.
    expect(cards[0]).toHaveTextContent('5001**********004X');
    expect(cards[0]).not.toHaveTextContent('50011220180312004X');
    fireEvent.click(screen.getByRole('button', { name: '查看王子涵的详情' }));
    expect(visited[0]).toMatch(/^\/pages\/child\/detail\/index\?childId=/);
  });

  it('tells a parent whose child was born elsewhere to add the child by hand', async () => {
    await loginAs('born-outside');
    render(<Children />);
    expect(await screen.findByText('没有查到您的子女')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '＋ 手动新增子女' }));
    expect(visited).toContain('/pages/child/add/index');
  });

  it('asks a parent who is not logged in to log in first', async () => {
    render(<Children />);
    fireEvent.click(await screen.findByRole('button', { name: '去刷脸登录' }));
    expect(visited).toContain('/pages/login/index?returnTo=children');
  });

  it('opened from 申报 (前往我的子女): a way straight back to the form, and 手动新增 carries the flow on', async () => {
    const { setPageParams } = jest.requireMock('@/services/navigation') as typeof import('../../../test/navigationMock');
    setPageParams({ returnTo: 'apply|stage=primary&section=child' });
    await loginAs('two-children');
    render(<Children />);
    await screen.findAllByTestId('child-card');
    fireEvent.click(screen.getByRole('button', { name: '＋ 手动新增子女' }));
    fireEvent.click(screen.getByRole('button', { name: '完成，返回继续申报' }));
    expect(visited).toEqual(['/pages/child/add/index?returnTo=apply%7Cstage%3Dprimary%26section%3Dchild', '/pages/apply/index?stage=primary&section=child']);
    setPageParams({});
  });
});

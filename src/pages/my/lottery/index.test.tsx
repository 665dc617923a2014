import '@testing-library/jest-dom';
import { render, screen, fireEvent, within, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { routes, type ApplicationsResponse } from '@contract/api';
import type { LotteryOutcome } from '@contract/lottery';
import { at, finishAt, login, submitFor } from '@server/qa/scenarioKit';
import { enterRandomnessAsOffice, losingRandomness } from '@server/qa/lottery';
import { useMockHost, ORIGIN } from '../../../../test/pageHarness';
import { setPageParams, visited } from '../../../../test/navigationMock';
import { useApplicationsStore } from '@/stores/applications';
import { useClockStore } from '@/stores/clock';
import Lottery from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

const DRAW_TIME = '2024-06-20T10:00:00+08:00';

describe('录取结果 and 摇号过程公开可验证', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
  });

  // 王浩宇 (小升初) registers at an oversubscribed private junior school and loses the draw: the
  // public fallback must then open 小升初, not 幼升小.
  async function juniorLotteryLost() {
    const q = (await mock.enrolment()).dev!.qaDeps;
    await at(q, '2024-06-18T10:00:00+08:00');
    const account = await login(q, 'two-children');
    const app = await submitFor(q, account, 'two-children', 'CH-two-children-junior', { stage: 'junior', type: 'private', oversubscribed: true }, 'test-junior');
    await at(q, '2024-06-20T09:00:00+08:00');
    await enterRandomnessAsOffice(q, app.schoolId, await losingRandomness(q, app.schoolId, app.id));
    await at(q, DRAW_TIME);
    await finishAt(q, '2024-06-21T10:00:00+08:00');
  }

  async function open(scenario: string, now?: string) {
    await mock.reset(scenario === 'test-junior-lottery-lost' ? 'fresh' : scenario);
    if (scenario === 'test-junior-lottery-lost') await juniorLotteryLost();
    if (now) await mock.at(now);
    await mock.login('two-children');
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications.find((a) => a.nature === 'private')!;
    setPageParams({ id: app.id });
    render(<Lottery />);
    return app;
  }

  it('a child admitted without a draw is told so, with the confirmation deadline and no lottery proof', async () => {
    await open('private-admitted');
    const result = await screen.findByTestId('lottery-result');
    expect(result).toHaveTextContent('直接录取（报名人数未超过招生计划，无需摇号）');
    await waitFor(() => expect(result).toHaveTextContent('请在6月20日 18:00前完成入学确认'));
    expect(screen.queryByTestId('lottery-proof')).not.toBeInTheDocument();
    fireEvent.click(within(result).getByRole('button', { name: '去确认入学' }));
    expect(visited[0]).toMatch(/^\/pages\/my\/application\/index\?id=/);
  });

  it('a lost draw shows the waiting-list place, recomputes the draw on the phone, and leads to the public fallback', async () => {
    const app = await open('private-lottery-lost');
    const result = await screen.findByTestId('lottery-result');
    expect(result).toHaveTextContent('未录取');
    expect(result).toHaveTextContent(/候补顺序：第 \d+ 位/);
    // What the place means and what happens next, not a bare number.
    expect(within(result).getByTestId('waiting-explained')).toHaveTextContent(/^候补第\d+位，是指摇号顺序排在招生计划名额之后的第\d+位，目前未被录取。系统不进行网上递补；.*报名公办不影响候补。$/);
    const proof = screen.getByTestId('lottery-proof');
    const checks = within(proof).getAllByRole('listitem').map((li) => li.textContent);
    expect(checks).toEqual([
      '✓ 名单、种子和全部排序与公布的一致',
      '✓ 您孩子的排序值与公布的一致',
      expect.stringMatching(/^✓ 重新计算得到第 \d+ 位，与公布的结果一致$/),
    ]);
    expect(proof).not.toHaveTextContent('王');
    await waitFor(() => expect(result).toHaveTextContent('6月21日至6月29日'));
    fireEvent.click(within(result).getByRole('button', { name: '报名公办学校' }));
    expect(visited).toEqual([`/pages/apply/index?stage=${app.stage}`]);
  });

  it('the public fallback of a 小升初 child opens 小升初 registration', async () => {
    const app = await open('test-junior-lottery-lost');
    expect(app.stage).toBe('junior');
    const result = await screen.findByTestId('lottery-result');
    expect(result).toHaveTextContent('未录取');
    fireEvent.click(await within(result).findByRole('button', { name: '报名公办学校' }));
    expect(visited).toEqual(['/pages/apply/index?stage=junior']);
  });

  it('says the draw does not verify when the published order was altered', async () => {
    await mock.reset('private-lottery-lost');
    await mock.login('two-children');
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications[0];
    const real = await mock.api<LotteryOutcome>('GET', routes.lottery(app.id));
    const draw = real.data.draw!;
    // Someone moves this child to the front of the published order and claims admission.
    const order = [real.data.pseudonym, ...draw.order.filter((p) => p !== real.data.pseudonym)];
    const forged: LotteryOutcome = { ...real.data, admitted: true, rank: 1, waitingPosition: null, draw: { ...draw, order } };
    mock.server.use(http.get(`${ORIGIN}${routes.lottery(app.id)}`, () => HttpResponse.json(forged)));
    setPageParams({ id: app.id });
    render(<Lottery />);
    const proof = await screen.findByTestId('lottery-proof');
    expect(within(proof).getAllByRole('listitem')[0]).toHaveTextContent(/^✗/);
    expect(within(proof).getAllByRole('listitem')[2]).toHaveTextContent('✗ 重新计算的排序与公布的结果不一致');
    expect(screen.getByText(/验证未通过，请拨打区县招生咨询电话反映/)).toBeInTheDocument();
  });

  it('before the draw explains that there is no result yet', async () => {
    await open('private-registered');
    expect(await screen.findByText(/暂无录取结果/)).toBeInTheDocument();
    expect(screen.queryByTestId('lottery-proof')).not.toBeInTheDocument();
  });
});

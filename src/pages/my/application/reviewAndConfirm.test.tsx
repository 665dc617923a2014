import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { routes, type ApplicationsResponse } from '@contract/api';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams } from '../../../../test/navigationMock';
import { useClockStore } from '@/stores/clock';
import { useApplicationsStore } from '@/stores/applications';
import ApplicationDetail from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

/** 办件详情 (issue 15, items 16 and 17): the review promise, 审核中 and overdue; a parent who never confirms. */
describe('办件详情: review takes time, and the confirmation deadline', () => {
  const mock = useMockHost();
  beforeEach(() => {
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null });
  });

  async function open(scenario: string, steps: (id: string) => Promise<void> = async () => undefined) {
    await mock.reset(scenario);
    await mock.login('two-children');
    const app = (await mock.api<ApplicationsResponse>('GET', routes.applications)).data.applications[0];
    await steps(app.id);
    setPageParams({ id: app.id });
    render(<ApplicationDetail />);
    return app;
  }

  it('shows the 10-working-day promise computed from the submission', async () => {
    await open('submitted');
    const card = await screen.findByTestId('review-promise');
    expect(card).toHaveTextContent(/^审核时限区县将在提交后10个工作日内完成审核，最迟\d+月\d+日（含当日）告知结果（周末和节假日不计）$/);
    expect(card).not.toHaveTextContent('已超过审核时限');
  });

  it('shows 审核中 once a reviewer started, with the same promise, and flags it once past', async () => {
    const app = await open('submitted', async (id) => {
      await mock.qa('POST', '/__qa/review', { applicationId: id, action: 'start-review' });
    });
    expect(await screen.findByTestId('status')).toHaveTextContent('审核中');
    expect(screen.getByTestId('review-promise')).toHaveTextContent(/审核中。区县将在提交后10个工作日内完成审核/);
    expect(app.reviewDueAt).toBeDefined();
  });

  it('tells the parent when the review is past its promise', async () => {
    await open('submitted', async (id) => {
      const { data } = await mock.api<{ application: { reviewDueAt: string } }>('GET', routes.application(id));
      const dueDay = new Date(Date.parse(data.application.reviewDueAt) + 8 * 3600_000).toISOString().slice(0, 10);
      await mock.at(`${dueDay}T10:00:00+08:00`);
    });
    const card = await screen.findByTestId('review-promise');
    expect(card).toHaveTextContent('已超过审核时限');
    expect(card).toHaveTextContent(/审核已超过承诺的10个工作日（最迟\d+月\d+日（含当日））/);
  });

  it('a parent who never confirms by 7-15 reads the deadline before and what happened after', async () => {
    await open('approved-awaiting-confirmation', async () => {
      await mock.at('2024-07-15T10:00:00+08:00');
    });
    expect(await screen.findByText('请在7月15日（含当日）前确认')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认入学' })).toBeInTheDocument();
  });

  it('after 7-15 the place is forfeited, and the page says so with the deadline', async () => {
    await open('approved-awaiting-confirmation', async () => {
      await mock.at('2024-07-16T10:00:00+08:00');
    });
    expect(await screen.findByTestId('status')).toHaveTextContent('逾期未确认，视为放弃');
    expect(screen.getByTestId('next-action')).toHaveTextContent('未在7月15日（含当日）前完成入学确认，视为放弃该学位');
    expect(screen.getByText(/入学确认已于 7月15日（含当日） 截止/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认入学' })).not.toBeInTheDocument();
  });
});

import '@testing-library/jest-dom';
import { render, screen, fireEvent } from '@testing-library/react';
import { routes, type PublicKeyResponse } from '@contract/api';
import { verifyReportCode } from '@/domain/reportCode';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams } from '../../../../test/navigationMock';
import ReportCodePage from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

const CHILD = 'CH-two-children-primary';

describe('报到码', () => {
  const mock = useMockHost();

  it('shows the signed code as a QR code and as text that verifies with the published key, child masked', async () => {
    await mock.reset('confirmed-with-notice');
    await mock.login('two-children');
    setPageParams({ childId: CHILD });
    render(<ReportCodePage />);
    const text = await screen.findByTestId('report-code-text');
    expect(screen.getByRole('img', { name: /^报到码二维码，/ })).toBeInTheDocument();
    expect(screen.getByText('2024年秋季入学报到码')).toBeInTheDocument();
    const details = screen.getByRole('list', { name: '报到信息' });
    expect(details).toHaveTextContent(/学生.*\*/);
    expect(details.textContent).not.toMatch(/王子涵|\d{17}[\dX]/);
    const key = await mock.api<PublicKeyResponse>('GET', routes.publicKey);
    const check = verifyReportCode(text.textContent ?? '', key.data.publicKey, key.data.year);
    expect(check.valid).toBe(true);
    expect(screen.getByText(/报到时请将屏幕亮度调到最高/)).toBeInTheDocument();
  });

  it('before the notice is issued says when the code comes and lets the parent try again', async () => {
    await mock.reset('approved-awaiting-confirmation');
    await mock.login('two-children');
    setPageParams({ childId: CHILD });
    render(<ReportCodePage />);
    expect(await screen.findByText(/暂时无法显示报到码/)).toBeInTheDocument();
    expect(screen.getByText('报到码在完成入学确认、发放电子入学通知书后生成（7月20日前）。')).toBeInTheDocument();
    expect(screen.queryByTestId('report-code-text')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText(/暂时无法显示报到码/)).toBeInTheDocument();
  });

  it('without a child says where to open it from', async () => {
    setPageParams({});
    render(<ReportCodePage />);
    expect(screen.getByText(/没有指定子女，请从“我的子女”进入/)).toBeInTheDocument();
  });
});

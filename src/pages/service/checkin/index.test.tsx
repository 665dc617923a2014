import '@testing-library/jest-dom';
import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { routes } from '@contract/api';
import type { ReportCode, ReportCodePayload } from '@contract/reportCode';
import { useMockHost } from '../../../../test/pageHarness';
import { generateKeyPair, signReportCode } from '@/domain/reportCode';
import { getBridge } from '@/bridge';
import CheckIn from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

// The page is tested against a key it did not sign with as well as the right one, so the test
// publishes its own key; the verification itself is the domain's, on the device.
const keys = generateKeyPair('checkin-page-test');
const payload: ReportCodePayload = {
  v: 1,
  app: 'RX2024500112000123',
  schoolId: '500112-P-1',
  schoolName: '渝北区龙溪小学',
  child: '王*涵 5001**********004X',
  childId: 'c-1',
  year: 2024,
  issuedAt: '2024-07-18T10:00:00+08:00',
};

function typeCode(code: string) {
  act(() => {
  const box = screen.getByLabelText('报到码', { selector: 'taro-textarea-core' });
  box.dispatchEvent(new CustomEvent('input', { detail: { value: code }, bubbles: true }));
  });
}

describe('check-in page (报到核验)', () => {
  const mock = useMockHost();
  let keyRequests = 0;
  beforeEach(() => {
    keyRequests = 0;
    mock.server.use(
      http.get(`*${routes.publicKey}`, () => {
        keyRequests += 1;
        return HttpResponse.json({ year: 2024, publicKey: keys.publicKey });
      }),
    );
  });

  it('verifies a genuine code offline and shows the masked details', async () => {
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    typeCode(signReportCode(payload, keys.secretKey).code);
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    const result = await screen.findByTestId('checkin-result');
    expect(result).toHaveTextContent('✓ 报到码有效');
    expect(result).toHaveTextContent('王*涵 5001**********004X');
    expect(result).toHaveTextContent('渝北区龙溪小学');
    expect(keyRequests).toBe(1);
  });

  it("shows the child's full reviewed name and the ID masked to its last four from a code the server issued, so the school can match notice and child", async () => {
    await mock.reset('confirmed-with-notice');
    await mock.login('two-children');
    const issued = await mock.api<ReportCode>('GET', routes.reportCode('CH-two-children-primary'));
    // The server's payload, signed with this test's published key (the key route is the test's here).
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    typeCode(signReportCode(issued.data.payload, keys.secretKey).code);
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    expect(await screen.findByTestId('checkin-result')).toHaveTextContent('✓ 报到码有效');
    expect(screen.getByTestId('checkin-child')).toHaveTextContent(/^王子涵$/);
    expect(screen.getByTestId('checkin-child-id')).toHaveTextContent(/^\*{14}004X$/);
  });

  it('a tap on the greyed 核验 before the key is here says why, with the focus on it', async () => {
    render(<CheckIn />);
    // At once, before the year's key has arrived.
    const verify = screen.getByRole('button', { name: '核验' });
    expect(verify).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(verify);
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('【出错了】还不能核验');
    expect(summary).toHaveTextContent('正在获取核验公钥，请稍候再点击“核验”');
    await waitFor(() => expect(summary).toHaveFocus());
    // Once it is here, the summary goes and 核验 is available.
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    expect(screen.queryByTestId('error-summary')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '核验' })).toHaveAttribute('aria-disabled', 'false');
  });

  it('rejects a tampered code', async () => {
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    const genuine = signReportCode(payload, keys.secretKey).code;
    const forged = signReportCode({ ...payload, schoolName: '两江新区星光学校' }, keys.secretKey).code;
    // Another school's name with the original signature: what an edited code looks like.
    typeCode(`${forged.split('.')[0]}.${genuine.split('.')[1]}`);
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    const result = await screen.findByTestId('checkin-result');
    expect(result).toHaveTextContent('✗ 报到码无效');
    expect(result).toHaveTextContent('可能被篡改');
    expect(result).not.toHaveTextContent('✓');
  });

  it('rejects a code signed by someone else', async () => {
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    typeCode(signReportCode(payload, generateKeyPair('forger').secretKey).code);
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    expect(await screen.findByTestId('checkin-result')).toHaveTextContent('✗ 报到码无效');
  });

  it('tells a code of another year apart', async () => {
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    typeCode(signReportCode({ ...payload, year: 2023 }, keys.secretKey).code);
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    const result = await screen.findByTestId('checkin-result');
    expect(result).toHaveTextContent('✗ 不是本年度的报到码');
    expect(result).toHaveTextContent('这是2023年的报到码');
  });

  it('says when text is not a report code at all', async () => {
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    typeCode('hello');
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    expect(await screen.findByTestId('checkin-result')).toHaveTextContent('✗ 无法识别的报到码');
    // The error summary says so and takes the focus.
    const summary = screen.getByTestId('error-summary');
    expect(summary).toHaveTextContent('【核验未通过】请勿凭此报到码办理报到');
    expect(summary).toHaveTextContent('1. 无法识别的报到码：');
    await waitFor(() => expect(summary).toHaveFocus());
  });

  it('核验 with nothing pasted asks for the code in the error summary, which takes the focus each time', async () => {
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    const button = screen.getByRole('button', { name: '核验' });
    fireEvent.keyDown(button, { key: 'Enter' });
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('【出错了】还不能核验');
    expect(summary).toHaveTextContent('1. 请先粘贴家长出示的报到码文本，再点击“核验”');
    await waitFor(() => expect(summary).toHaveFocus());
    summary.blur();
    typeCode('   ');
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    await waitFor(() => expect(screen.getByTestId('error-summary')).toHaveFocus());
    expect(screen.queryByTestId('checkin-result')).toBeNull();
  });

  it('scans the code through the host and verifies it at once', async () => {
    const bridge = getBridge();
    const code = signReportCode(payload, keys.secretKey).code;
    const scan = jest.spyOn(bridge, 'scanCode').mockResolvedValue({ ok: true, value: code });
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    fireEvent.click(screen.getByRole('button', { name: '扫码核验' }));
    expect(await screen.findByTestId('checkin-result')).toHaveTextContent('✓ 报到码有效');
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('says to paste the code when the host cannot scan', async () => {
    jest.spyOn(getBridge(), 'scanCode').mockResolvedValue({ ok: false, error: { kind: 'unavailable' } });
    render(<CheckIn />);
    await screen.findByText('已加载2024年度核验公钥，可离线核验');
    fireEvent.click(screen.getByRole('button', { name: '扫码核验' }));
    expect(await screen.findByText('当前应用暂不能扫码，请粘贴家长出示的报到码文本后点击“核验”。')).toBeInTheDocument();
    expect(screen.queryByTestId('checkin-result')).not.toBeInTheDocument();
  });
});

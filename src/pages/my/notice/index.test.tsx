import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { routes, type ApplicationsResponse } from '@contract/api';
import type { SaveDocumentRequest } from '@contract/bridge';
import { getBridge } from '@/bridge';
import { useMockHost, ORIGIN } from '../../../../test/pageHarness';
import { setPageParams, visited } from '../../../../test/navigationMock';
import Notice from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('电子入学通知书', () => {
  const mock = useMockHost();
  beforeEach(() => visited.splice(0));
  afterEach(() => jest.restoreAllMocks());

  async function open(scenario: string) {
    await mock.reset(scenario);
    const session = await mock.login('two-children');
    const { data } = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = data.applications[0];
    setPageParams({ id: app.id });
    render(<Notice />);
    return { app, session };
  }

  it('shows the notice with the child masked, the school and the 办件编号', async () => {
    const { app } = await open('confirmed-with-notice');
    const notice = await screen.findByTestId('notice');
    expect(notice).toHaveTextContent('入学通知书');
    expect(notice).toHaveTextContent(app.childNameMasked);
    expect(notice).toHaveTextContent(`经审核，你已被 ${app.schoolName} 录取`);
    expect(notice).toHaveTextContent(`办件编号：${app.number}`);
    expect(notice).not.toHaveTextContent('王子涵');
    expect(notice.textContent).not.toMatch(/\d{17}[\dX]/);
    // The child's record id, never the (masked) ID number, goes into the URL.
    fireEvent.click(await screen.findByRole('button', { name: '查看报到码' }));
    expect(visited).toEqual([`/pages/child/report-code/index?childId=${encodeURIComponent(app.childId)}`]);
  });

  it('downloads a real PDF through the host bridge, with the token in a header and never in the URL', async () => {
    const { app, session } = await open('confirmed-with-notice');
    let requested: SaveDocumentRequest | null = null;
    let head = '';
    jest.spyOn(getBridge(), 'saveDocument').mockImplementation(async (req) => {
      requested = req;
      const response = await fetch(ORIGIN + req.url, { headers: req.headers });
      head = new TextDecoder('latin1').decode(new Uint8Array(await response.arrayBuffer()).slice(0, 5));
      return { ok: true, value: undefined };
    });
    fireEvent.click(await screen.findByRole('button', { name: '下载 PDF' }));
    expect(await screen.findByText(/通知书已下载，可在手机文件中查看/)).toBeInTheDocument();
    expect(head).toBe('%PDF-');
    expect(requested).toMatchObject({ url: routes.noticePdf(app.id), fileName: `入学通知书-${app.number}.pdf`, mime: 'application/pdf', headers: { Authorization: `Bearer ${session.token}` } });
    expect(requested!.url).not.toContain(session.token);
  });

  it('says a failed download can be retried, and stays quiet when the parent cancels', async () => {
    await open('confirmed-with-notice');
    const save = jest.spyOn(getBridge(), 'saveDocument').mockResolvedValueOnce({ ok: false, error: { kind: 'network' } });
    fireEvent.click(await screen.findByRole('button', { name: '下载 PDF' }));
    expect(await screen.findByText(/下载未成功，请检查网络后重试/)).toBeInTheDocument();
    save.mockResolvedValueOnce({ ok: false, error: { kind: 'cancelled' } });
    fireEvent.click(screen.getByRole('button', { name: '下载 PDF' }));
    await waitFor(() => expect(screen.queryByText(/下载未成功/)).not.toBeInTheDocument());
    expect(screen.queryByText(/通知书已下载/)).not.toBeInTheDocument();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('before the notice is issued explains when it comes, and offers no download', async () => {
    await open('approved-awaiting-confirmation');
    expect(await screen.findByText(/通知书尚未发放/)).toBeInTheDocument();
    expect(screen.getByText('完成入学确认后，电子入学通知书于7月20日前发放。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '下载 PDF' })).not.toBeInTheDocument();
  });
});

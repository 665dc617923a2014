import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor, cleanup } from '@testing-library/react';
import { useMockHost } from '../../../../test/pageHarness';
import { visited, setPageParams } from '../../../../test/navigationMock';
import { useChildrenStore } from '@/stores/children';
import { useSessionStore } from '@/stores/session';
import { draftKeys } from '@/stores/persisted';
import ChildDetail, { realNameDraftKey } from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
/** The Taro input a label names (the native input inside may carry the same label). */
const nameInput = async () => (await screen.findAllByLabelText('户口簿姓名')).find((el) => el.tagName.toLowerCase() === 'taro-input-core') ?? screen.getAllByLabelText('户口簿姓名')[0];

describe('child detail page', () => {
  const mock = useMockHost();
  let childId = '';
  beforeEach(async () => {
    visited.length = 0;
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
    await mock.login('two-children');
    const list = await mock.api<{ children: Array<{ id: string; birthCertificateName: string }> }>('GET', '/api/v1/children');
    childId = list.data.children.find((c) => c.birthCertificateName === '王子涵')!.id;
    setPageParams({ childId });
  });

  it('masks the ID number by default and shows it only on 显示', async () => {
    render(<ChildDetail />);
    const text = await screen.findByTestId('masked-text');
    expect(text).toHaveTextContent('5001**********004X');
    fireEvent.click(screen.getByRole('button', { name: '显示身份证件号码' }));
    await waitFor(() => expect(text).toHaveTextContent('50011220180312004X'));
    fireEvent.click(screen.getByRole('button', { name: '隐藏身份证件号码' }));
    expect(text).toHaveTextContent('5001**********004X');
    expect(screen.getByTestId('eligibility')).toHaveTextContent('✓ 可报名：幼升小（入读一年级）');
  });

  it('corrects the real name (Q14) without blocking, with a wrong name refused beside the field', async () => {
    render(<ChildDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '填写户口簿姓名' }));
    const input = await nameInput();
    typeInto(input, 'Wang');
    fireEvent.click(screen.getByRole('button', { name: '保存户口簿姓名' }));
    expect(await screen.findByRole('alert')).toHaveClass('field-error');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    typeInto(input, '王梓涵');
    fireEvent.click(screen.getByRole('button', { name: '保存户口簿姓名' }));
    expect(await screen.findByText('已保存户口簿姓名“王梓涵”，报名时将使用此姓名。', { exact: false })).toBeInTheDocument();
    expect(screen.getByTestId('real-name')).toHaveTextContent('王梓涵');
    expect(screen.getByText('王子涵')).toBeInTheDocument();
    const saved = await mock.api<{ children: Array<{ id: string; realName?: string }> }>('GET', '/api/v1/children');
    expect(saved.data.children.find((c) => c.id === childId)?.realName).toBe('王梓涵');
  });

  it('keeps the typed 户口簿姓名 through an expired session and a re-login, then saves it and drops the draft', async () => {
    render(<ChildDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '填写户口簿姓名' }));
    typeInto(await nameInput(), '王梓涵');
    await mock.api('POST', '/__qa/faults', { route: '/children/', kind: 'sessionExpired', times: 1 });
    fireEvent.click(screen.getByRole('button', { name: '保存户口簿姓名' }));
    await waitFor(() => expect(visited).toContain('/pages/login/index'));
    expect(useSessionStore.getState().session).toBeNull();
    await waitFor(async () => expect(await draftKeys()).toContain(realNameDraftKey(childId)));

    // Re-login; the page opens afresh (new page instance, empty store) and the correction is back.
    cleanup();
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
    await mock.login('two-children');
    render(<ChildDetail />);
    await waitFor(async () => expect(await nameInput()).toHaveAttribute('value', '王梓涵'));
    const save = screen.getByRole('button', { name: '保存户口簿姓名' });
    expect(save).not.toHaveClass('btn-disabled');
    fireEvent.click(save);
    expect(await screen.findByText('已保存户口簿姓名“王梓涵”，报名时将使用此姓名。', { exact: false })).toBeInTheDocument();
    await waitFor(async () => expect(await draftKeys()).not.toContain(realNameDraftKey(childId)));
  });

  it('takes down the last failure message while a new save is on its way', async () => {
    render(<ChildDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '填写户口簿姓名' }));
    typeInto(await nameInput(), '王梓涵');
    await mock.api('POST', '/__qa/faults', { route: '/children/', kind: 'error500', times: 1 });
    fireEvent.click(screen.getByRole('button', { name: '保存户口簿姓名' }));
    expect(await screen.findByText(/服务暂时出现问题/)).toBeInTheDocument();
    // The next save is retried by the client after a lost answer: meanwhile the old message is gone.
    await mock.api('POST', '/__qa/faults', { route: '/children/', kind: 'offline', times: 1 });
    fireEvent.click(screen.getByRole('button', { name: '保存户口簿姓名' }));
    expect(screen.queryByText(/服务暂时出现问题/)).not.toBeInTheDocument();
    expect(await screen.findByText('已保存户口簿姓名“王梓涵”，报名时将使用此姓名。', { exact: false }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('links to upkeep, materials and the report code with the child id', async () => {
    render(<ChildDetail />);
    fireEvent.click(await screen.findByRole('button', { name: /子女信息维护/ }));
    fireEvent.click(screen.getByRole('button', { name: /我的材料/ }));
    fireEvent.click(screen.getByRole('button', { name: /报到码/ }));
    expect(visited).toEqual([
      `/pages/child/upkeep/index?childId=${childId}`,
      `/pages/child/materials/index?childId=${childId}`,
      `/pages/child/report-code/index?childId=${childId}`,
    ]);
  });
});

import '@testing-library/jest-dom';
import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import { useMockHost } from '../../../../test/pageHarness';
import { visited } from '../../../../test/navigationMock';
import { useChildrenStore } from '@/stores/children';
import { useClockStore } from '@/stores/clock';
import { checkChar } from '@/domain/idNumber';
import AddChild from './index';

import { draftKeys } from '@/stores/persisted';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
const freshStore = () =>
  useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null, addDraft: { name: '', idNumber: '', relationship: null }, addDraftLoaded: false });

describe('manual add page', () => {
  const mock = useMockHost();
  beforeEach(async () => {
    visited.length = 0;
    freshStore();
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    await mock.at('2024-05-08T10:00:00+08:00');
    await mock.login('born-outside');
  });

  it('shows a wrong ID number error beside the field, then accepts the right one and adds the child', async () => {
    render(<AddChild />);
    typeInto(await screen.findByLabelText('子女姓名', { selector: 'taro-input-core' }), '张一诺');
    const id = screen.getByLabelText('子女身份证件号码', { selector: 'taro-input-core' });
    typeInto(id, '510104201711080039');
    const error = await screen.findByText(/校验|核对/);
    expect(error).toHaveClass('field-error');
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(id.getAttribute('aria-describedby')).toContain(error.id);

    typeInto(id, '510104201711080038');
    await waitFor(() => expect(id).toHaveAttribute('aria-invalid', 'false'));
    expect(screen.getByTestId('add-eligibility')).toHaveTextContent('出生日期 2017年11月8日，可报名：幼升小（入读一年级）');
    fireEvent.click(screen.getByRole('radio', { name: '父亲' }));
    fireEvent.click(screen.getByRole('button', { name: '确认新增' }));
    await waitFor(() => expect(visited[0]).toMatch(/^\/pages\/child\/detail\/index\?childId=/));
    expect(useChildrenStore.getState().children.map((c) => c.birthCertificateName)).toContain('张一诺');
  });

  it('says plainly when the child is not of age, beside the ID field', async () => {
    render(<AddChild />);
    const young = '51010420200101001';
    typeInto(await screen.findByLabelText('子女身份证件号码', { selector: 'taro-input-core' }), young + checkChar(young));
    await waitFor(() => expect(screen.getByLabelText('子女身份证件号码', { selector: 'taro-input-core' })).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent(/年龄未到|满6周岁/);
  });

  it('refuses an empty form with errors beside each field and keeps what was typed', async () => {
    render(<AddChild />);
    typeInto(await screen.findByLabelText('子女姓名', { selector: 'taro-input-core' }), '张一诺');
    fireEvent.click(screen.getByRole('button', { name: '确认新增' }));
    expect(await screen.findByText('请按红色提示修改后再提交，已填写的内容不会丢失。', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('请选择您与子女的关系')).toBeInTheDocument();
    expect(screen.getByLabelText('子女身份证件号码', { selector: 'taro-input-core' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('子女姓名', { selector: 'taro-input-core' })).toHaveAttribute('value', '张一诺');
    // Focus moves to the summary at the top, which lists what to fix.
    const summary = screen.getByTestId('error-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent('请选择您与子女的关系');
    expect(visited).toHaveLength(0);
  });

  it('restores the draft after a reload with a fresh store', async () => {
    const first = render(<AddChild />);
    typeInto(await screen.findByLabelText('子女姓名', { selector: 'taro-input-core' }), '张一诺');
    typeInto(screen.getByLabelText('子女身份证件号码', { selector: 'taro-input-core' }), '5101042017');
    fireEvent.click(screen.getByRole('radio', { name: '母亲' }));
    // Drafts are written through a queue (persisted.ts): let it drain, as a real reload would.
    await act(async () => void (await draftKeys()));
    first.unmount();
    freshStore();
    render(<AddChild />);
    await waitFor(() => expect(screen.getByLabelText('子女姓名', { selector: 'taro-input-core' })).toHaveAttribute('value', '张一诺'));
    expect(screen.getByLabelText('子女身份证件号码', { selector: 'taro-input-core' })).toHaveAttribute('value', '5101042017');
    expect(screen.getByRole('radio', { name: '母亲' })).toHaveAttribute('aria-checked', 'true');
  });

  it('shows the server refusal for a child of another family (防范恶意代办)', async () => {
    render(<AddChild />);
    typeInto(await screen.findByLabelText('子女姓名', { selector: 'taro-input-core' }), '王子涵');
    typeInto(screen.getByLabelText('子女身份证件号码', { selector: 'taro-input-core' }), '50011220180312004X');
    fireEvent.click(screen.getByRole('radio', { name: '父亲' }));
    fireEvent.click(screen.getByRole('button', { name: '确认新增' }));
    // The refusal is listed in the error summary at the top, which takes the focus, and shown on the form.
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(summary).toHaveTextContent(/无监护关系/));
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getAllByText(/无监护关系/).length).toBeGreaterThan(1);
    expect(visited).toHaveLength(0);
  });
});

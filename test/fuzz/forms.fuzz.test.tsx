/**
 * Page-level fuzz: random strings typed into every field of the manual-add and upkeep forms never
 * blank the page: the form stays rendered and shows an error beside a field or nothing.
 */
import '@testing-library/jest-dom';
import { render, screen, fireEvent, act } from '@testing-library/react';
import fc from 'fast-check';
import { useMockHost } from '../pageHarness';
import { setPageParams } from '../navigationMock';
import { useChildrenStore } from '@/stores/children';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import { useUpkeepStore } from '@/stores/upkeep';
import AddChild from '@/pages/child/add/index';
import Upkeep from '@/pages/child/upkeep/index';

jest.mock('@/services/navigation', () => require('../navigationMock'));
jest.setTimeout(120000);

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
const RUNS = 150;
/** Stencil adds a native input with the same label inside the Taro element: take the Taro one. */
const field = (label: string) => screen.getAllByLabelText(label).find((el) => el.tagName.toLowerCase() === 'taro-input-core') ?? screen.getAllByLabelText(label)[0];
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '\u0000\u202e', '😀'.repeat(30), ' ', '５００１１２', 'undefined'),
);

/** The form is still there, nothing raw is shown, and injected markup never became an element. */
function expectFormAlive(container: HTMLElement, label: string) {
  expect(field(label)).toBeInTheDocument();
  expect(container.querySelector('img[src="x"], script')).toBeNull();
  const errors = Array.from(container.querySelectorAll('.field-error')).map((e) => e.textContent ?? '');
  for (const e of errors) expect(e).not.toMatch(/undefined|\[object|TypeError|NaN/);
}

describe('page-level fuzz', () => {
  const mock = useMockHost();

  it('manual add: random names and ID numbers never blank the form', async () => {
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null, addDraft: { name: '', idNumber: '', relationship: null }, addDraftLoaded: false });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    await mock.at('2024-05-08T10:00:00+08:00');
    await mock.login('born-outside');
    const { container } = render(<AddChild />);
    await screen.findAllByLabelText('子女姓名');
    const name = field('子女姓名');
    await act(async () => {
      fc.assert(
        fc.property(junk, junk, (a, b) => {
          typeInto(field('子女姓名'), a);
          typeInto(field('子女身份证件号码'), b);
          expectFormAlive(container, '子女身份证件号码');
        }),
        { numRuns: RUNS },
      );
    });
    expect(name).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认新增' }));
    expectFormAlive(container, '子女姓名');
  });

  it('upkeep: random addresses, unit numbers, names and phones never blank the form', async () => {
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
    useUpkeepStore.setState({ entries: {} });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    await mock.at('2024-05-14T10:00:00+08:00');
    await mock.login('two-children');
    const list = await mock.api<{ children: Array<{ id: string }> }>('GET', '/api/v1/children');
    setPageParams({ childId: list.data.children[0].id });
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
    await useDistrictStore.getState().load();
    await useDistrictStore.getState().choose('500112');
    const { container } = render(<Upkeep />);
    await screen.findAllByLabelText('户籍地址（户口簿地址）');
    const labels = ['户籍地址（户口簿地址）', '不动产单元号', '权利人姓名（证书上的产权人）', '监护人1姓名', '监护人1手机号码'];
    await act(async () => {
      fc.assert(
        fc.property(fc.array(junk, { minLength: labels.length, maxLength: labels.length }), (values) => {
          labels.forEach((label, i) => typeInto(field(label), values[i]));
          expectFormAlive(container, '户籍地址（户口簿地址）');
        }),
        { numRuns: RUNS },
      );
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存信息' }));
    });
    expectFormAlive(container, '不动产单元号');
  });
});

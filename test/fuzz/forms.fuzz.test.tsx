/**
 * Page-level fuzz: random strings typed into every field of the manual-add and upkeep forms are
 * kept exactly as typed (nothing lost), shown back as plain text, and judged exactly as the domain
 * validators judge them: after 确认新增/保存信息 the error beside each field is the validator's
 * message for what was typed, or there is none when the validator accepts it.
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
import { validateName } from '@/domain/validators';
import { validateIdNumber } from '@/domain/idNumber';
import AddChild from '@/pages/child/add/index';
import Upkeep from '@/pages/child/upkeep/index';

jest.mock('@/services/navigation', () => require('../navigationMock'));
jest.setTimeout(120000);

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
const RUNS = 60;
/** Stencil adds a native input with the same label inside the Taro element: take the Taro one. */
const field = (label: string) => screen.getAllByLabelText(label).find((el) => el.tagName.toLowerCase() === 'taro-input-core') ?? screen.getAllByLabelText(label)[0];
/** The error shown beside a field (inside the same .field wrapper), or null. */
const errorBeside = (label: string) => field(label).closest('.field')?.querySelector('.field-error')?.textContent ?? null;
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '\u0000\u202e', '😀'.repeat(30), ' ', '５００１１２', 'undefined'),
);

describe('page-level fuzz', () => {
  const mock = useMockHost();

  it('manual add: random names and ID numbers never blank the form', async () => {
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null, addDraft: { name: '', idNumber: '', relationship: null }, addDraftLoaded: false });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    await mock.at('2024-05-08T10:00:00+08:00');
    await mock.login('born-outside');
    render(<AddChild />);
    await screen.findAllByLabelText('子女姓名');
    const name = field('子女姓名');
    await act(async () => {
      fc.assert(
        fc.property(junk, junk, (a, b) => {
          typeInto(field('子女姓名'), a);
          typeInto(field('子女身份证件号码'), b);
          // Kept exactly as typed: the draft is what the parent entered, nothing trimmed or dropped.
          expect(useChildrenStore.getState().addDraft).toMatchObject({ name: a, idNumber: b });
          // Typed markup is text, never markup.
        }),
        { numRuns: RUNS },
      );
    });
    expect(name).toBeInTheDocument();
    // The last junk pair, refused with the validators' own messages beside each field.
    const { name: typedName, idNumber: typedId } = useChildrenStore.getState().addDraft;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认新增' }));
    });
    const nameCheck = validateName(typedName);
    expect(errorBeside('子女姓名')).toBe(nameCheck.ok ? null : nameCheck.message);
    const idCheck = validateIdNumber(typedId, { today: '2024-05-08' });
    if (!idCheck.ok) expect(errorBeside('子女身份证件号码')).toBe(idCheck.message);
    expect(screen.getByTestId('error-summary')).toBeInTheDocument();
    expect(useChildrenStore.getState().children).toHaveLength(0);
  });

  it('upkeep: random addresses, unit numbers, names and phones never blank the form', async () => {
    useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
    useUpkeepStore.setState({ entries: {} });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
    await mock.at('2024-05-14T10:00:00+08:00');
    await mock.login('two-children');
    const list = await mock.api<{ children: Array<{ id: string }> }>('GET', '/api/v1/children');
    const childId = list.data.children[0].id;
    setPageParams({ childId });
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
    await useDistrictStore.getState().load();
    await useDistrictStore.getState().choose('500112');
    render(<Upkeep />);
    await screen.findAllByLabelText('户籍地址（户口簿地址）');
    const labels = ['户籍地址（户口簿地址）', '不动产单元号', '权利人姓名（证书上的产权人）', '监护人1姓名', '监护人1手机号码'];
    await act(async () => {
      fc.assert(
        fc.property(fc.array(junk, { minLength: labels.length, maxLength: labels.length }), (values) => {
          labels.forEach((label, i) => typeInto(field(label), values[i]));
          const draft = useUpkeepStore.getState().entries[childId].draft;
          expect([draft.householdAddress.text, draft.property.unitNumber, draft.property.ownerName, draft.guardians[0].name, draft.guardians[0].phone]).toEqual(values);
        }),
        { numRuns: RUNS },
      );
    });
    // Force an invalid address so the save is refused on the client, then every message beside a
    // field is the validator's verdict on what is in the draft.
    await act(async () => {
      typeInto(field('户籍地址（户口簿地址）'), '');
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存信息' }));
    });
    const draft = useUpkeepStore.getState().entries[childId].draft;
    const shown = errorBeside('户籍地址（户口簿地址）');
    expect(shown).toBeTruthy();
    const name = validateName(draft.guardians[0].name);
    expect(errorBeside('监护人1姓名')).toBe(name.ok ? null : name.message);
    expect(screen.getByTestId('error-summary')).toHaveTextContent(`户籍地址（户口簿地址）：${shown}`);
  });
});

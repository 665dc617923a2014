import '@testing-library/jest-dom';
import { act, render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { useMockHost } from '../../../../test/pageHarness';
import { visited, setPageParams } from '../../../../test/navigationMock';
import { useChildrenStore } from '@/stores/children';
import { useUpkeepStore } from '@/stores/upkeep';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import { useSessionStore } from '@/stores/session';
import Upkeep from './index';

import { draftKeys } from '@/stores/persisted';
import { configure, resetConfig } from '@/config';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
/** The Taro input element a label names (the native input inside may carry the same label). */
const pick = (els: HTMLElement[]) => els.find((el) => el.tagName.toLowerCase() === 'taro-input-core') ?? els[0];
const field = (label: string) => pick(screen.getAllByLabelText(label));
const findField = async (label: string) => pick(await screen.findAllByLabelText(label));
const freshStores = () => {
  useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
  useUpkeepStore.setState({ entries: {} });
  useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
};

describe('child information upkeep page', () => {
  const mock = useMockHost();
  let childId = '';

  async function arrange(now: string, identity = 'two-children') {
    await mock.at(now);
    await mock.login(identity);
    const list = await mock.api<{ children: Array<{ id: string }> }>('GET', '/api/v1/children');
    childId = list.data.children[0].id;
    setPageParams({ childId });
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
    await useDistrictStore.getState().load();
    await useDistrictStore.getState().choose('500112');
  }

  beforeEach(() => {
    visited.length = 0;
    freshStores();
  });

  async function fillValid() {
    typeInto(await findField('户籍地址（户口簿地址）'), '重庆市渝北区龙溪街道金龙路88号3栋2单元501');
    fireEvent.click(screen.getByRole('button', { name: '与户籍地址相同' }));
    typeInto(field('权利人姓名（证书上的产权人）'), '李娜');
    typeInto(field('监护人1姓名'), '李娜');
    typeInto(field('监护人1手机号码'), '13883216574');
  }

  it('refuses a wrong 不动产单元号 beside the field, saves the right one, and shows the data-sharing tags', async () => {
    await arrange('2024-05-14T10:00:00+08:00');
    render(<Upkeep />);
    expect(await screen.findByText(/信息维护开放中，截止 5月18日 22:00/)).toBeInTheDocument();
    const tags = await screen.findByTestId('verification-tags');
    expect(within(tags).getAllByText('已核验', { exact: false }).length).toBeGreaterThan(2);
    // Each row names the department that answered (the shared VerificationTags list).
    const rows = within(within(tags).getByRole('list', { name: '数据比对结果' })).getAllByRole('listitem');
    for (const row of rows) expect(row.textContent).toMatch(/[^：]+：/);
    await fillValid();
    const unit = field('不动产单元号');
    expect(screen.getByText('不动产单元号可在渝快办「我的 → 不动产 → 我的不动产」中查看，也印在不动产权证书上')).toBeInTheDocument();
    typeInto(unit, '500112003004XB00011F00010001');
    expect(await screen.findByRole('alert')).toHaveClass('field-error');
    expect(unit).toHaveAttribute('aria-invalid', 'true');
    // A county code that is not Chongqing's: made up, or a property elsewhere (told what to do instead).
    typeInto(unit, '999999003004GB00011F00010001');
    expect(await screen.findByText('第1-6位"999999"不是重庆市的区县代码，请对照不动产权证书重新核对不动产单元号')).toBeInTheDocument();
    typeInto(unit, '110105003004GB00011F00010001');
    expect(await screen.findByText(/^第1-6位"110105"表示该房产不在重庆市.*选择“租房居住”或“无房”/)).toBeInTheDocument();
    typeInto(unit, '500112 003004 GB00011 F00010001');
    expect(await screen.findByText('✓ 不动产单元号格式正确')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存信息' }));
    expect(await screen.findByText(/信息已保存。报名时可“一键引用”/)).toBeInTheDocument();
    const saved = await mock.api<{ upkeep: { property: { unitNumber: string }; guardians: Array<{ phone: string }> } }>('POST', `/api/v1/children/${childId}/upkeep/reveal`);
    expect(saved.data.upkeep.property.unitNumber.replace(/\s/g, '')).toBe('500112003004GB00011F00010001');
    // The saved phone is masked until the parent asks.
    expect(within(screen.getByTestId('upkeep-saved')).getByTestId('masked-text')).toHaveTextContent('138****6574');
    expect(useUpkeepStore.getState().forRegistration(childId)?.guardians[0].phone).toBe('13883216574');
  });

  it('keeps what was typed across a reload with a fresh store', async () => {
    await arrange('2024-05-14T10:00:00+08:00');
    const first = render(<Upkeep />);
    typeInto(await findField('户籍地址（户口簿地址）'), '重庆市渝北区龙溪街道金龙路88号');
    typeInto(field('不动产单元号'), '500112003004');
    // Drafts are written through a queue (persisted.ts): let it drain, as a real reload would.
    await act(async () => void (await draftKeys()));
    first.unmount();
    freshStores();
    render(<Upkeep />);
    await waitFor(() => expect(field('户籍地址（户口簿地址）')).toHaveAttribute('value', '重庆市渝北区龙溪街道金龙路88号'));
    expect(field('不动产单元号')).toHaveAttribute('value', '500112003004');
  });

  it('outside the district window says when it opens and stays readable but not writable', async () => {
    await arrange('2024-05-08T10:00:00+08:00');
    render(<Upkeep />);
    expect(await screen.findByText(/渝北区子女信息维护将于 5月13日 08:00 开放/)).toBeInTheDocument();
    expect(field('户籍地址（户口簿地址）')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存信息' })).toBeNull();
  });

  it('a calendar that failed to load is said, with a retry, instead of loading for ever', async () => {
    await arrange('2024-05-14T10:00:00+08:00');
    await mock.api('POST', '/__qa/faults', { route: '/calendar', kind: 'error500', times: 1 });
    render(<Upkeep />);
    expect(await screen.findByText(/暂时无法获取招生日程/)).toBeInTheDocument();
    expect(screen.queryByText('正在加载已保存的信息…')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText(/信息维护开放中/)).toBeInTheDocument();
  });

  it('asks for evidence when a department match failed, never blocking', async () => {
    await mock.at('2024-05-14T10:00:00+08:00');
    await mock.login('born-outside');
    const added = await mock.api<{ id: string }>('POST', '/api/v1/children', { name: '张一诺', idNumber: '510104201711080038', relationship: 'father' });
    setPageParams({ childId: added.data.id });
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
    await useDistrictStore.getState().load();
    await useDistrictStore.getState().choose('500112');
    render(<Upkeep />);
    expect(await screen.findByLabelText('出生医学证明：核验未通过，请上传佐证材料')).toHaveClass('tag-warn');
    expect(screen.getByRole('button', { name: '上传出生医学证明照片' })).toBeInTheDocument();
  });

  it('when the session expires on save, keeps the draft and sends the parent to login to come back', async () => {
    await arrange('2024-05-14T10:00:00+08:00');
    render(<Upkeep />);
    await fillValid();
    typeInto(field('不动产单元号'), '500112003004GB00011F00010001');
    await mock.api('POST', '/__qa/faults', { route: '/upkeep', kind: 'sessionExpired', times: 1 });
    fireEvent.click(screen.getByRole('button', { name: '保存信息' }));
    expect(await screen.findByText(/登录已过期/)).toBeInTheDocument();
    await waitFor(() => expect(visited).toContain('/pages/login/index'));
    expect(useSessionStore.getState().returnTo).toBe('/pages/my/applications/index');
    expect(useUpkeepStore.getState().entries[childId].dirty).toBe(true);
    expect(field('监护人1手机号码')).toHaveAttribute('value', '13883216574');
  });

  it('names the host the runtime config names, in the hint and its button', async () => {
    configure({ hostName: '渝快政' });
    try {
      await arrange('2024-05-14T10:00:00+08:00');
      render(<Upkeep />);
      expect(await screen.findByText('不动产单元号可在渝快政「我的 → 不动产 → 我的不动产」中查看，也印在不动产权证书上')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '打开渝快政“我的不动产”查看' })).toBeInTheDocument();
      expect(document.body.textContent).not.toContain('渝快办');
    } finally {
      resetConfig();
    }
  });
});

import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { useMockHost } from '../../../test/pageHarness';
import { visited } from '../../../test/navigationMock';
import { getBridge, setBridge } from '@/bridge';
import { useDistrictStore } from '@/stores/district';
import { useClockStore } from '@/stores/clock';
import { loadJson } from '@/stores/persisted';
import District from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));

describe('current district page', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.length = 0;
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
    useClockStore.setState({ calendar: null, offsetMs: 0, error: null, loading: false });
  });

  it('explains Q12 with the example in words', async () => {
    render(<District />);
    expect(screen.getByText(/例如：在长寿区读六年级、初中打算回渝北区就读的，选择渝北区/)).toBeInTheDocument();
    expect((await screen.findAllByRole('radio')).length).toBeGreaterThan(30);
  });

  it('searches, chooses 渝北区, keeps the choice and shows its batch windows, policy and phone', async () => {
    await mock.at('2024-05-08T10:00:00+08:00');
    const calls: string[] = [];
    setBridge({ ...getBridge(), makePhoneCall: async (phone) => (calls.push(phone), { ok: true, value: undefined }) });
    render(<District />);
    await screen.findAllByRole('radio');
    typeInto(screen.getByLabelText('搜索区县', { selector: 'taro-input-core' }), '渝北');
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(1);
    fireEvent.click(radios[0]);
    const card = await screen.findByTestId('district-current');
    expect(card).toHaveTextContent('渝北区');
    await waitFor(() => expect(card).toHaveTextContent(/子女信息维护5月13日 08:00 至 5月18日 22:00/));
    // Both ends are instants a parent can act at: the nightly maintenance covers 00:00 and after 22:00.
    expect(card).toHaveTextContent(/网上报名6月9日 08:00 至 6月15日 22:00/);
    expect(card).toHaveTextContent(/网上报名6月9日 08:00 至 6月15日 22:00/);
    expect(card).toHaveTextContent('报名先后不影响录取结果');
    expect(await loadJson('currentDistrict')).toBe('500112');
    expect(screen.getByRole('radio', { checked: true })).toHaveTextContent('渝北区');

    fireEvent.click(within(card).getByRole('button', { name: '政策查看' }));
    expect(screen.getByTestId('district-policy').textContent!.length).toBeGreaterThan(20);
    fireEvent.click(within(card).getByRole('button', { name: /联系我们：拨打渝北区招生咨询电话/ }));
    expect(calls).toHaveLength(1);
    fireEvent.click(within(card).getByRole('button', { name: '下一步：我的子女' }));
    expect(visited).toContain('/pages/children/index');
  });

  it('says so when nothing matches the search', async () => {
    render(<District />);
    await screen.findAllByRole('radio');
    typeInto(screen.getByLabelText('搜索区县', { selector: 'taro-input-core' }), '北京');
    expect(screen.getByText('没有找到“北京”，请换个关键字')).toBeInTheDocument();
  });

  it('opened from 申报 (选择区域), the done button returns to the registration form at its district section, not on to 我的子女', async () => {
    const { setPageParams } = jest.requireMock('@/services/navigation') as typeof import('../../../test/navigationMock');
    setPageParams({ returnTo: 'apply|stage=junior&section=district' });
    render(<District />);
    fireEvent.click((await screen.findAllByRole('radio')).find((r) => r.textContent?.includes('渝北区'))!);
    const card = await screen.findByTestId('district-current');
    expect(within(card).queryByRole('button', { name: '下一步：我的子女' })).not.toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: '完成，返回继续申报' }));
    expect(visited).toEqual(['/pages/apply/index?stage=junior&section=district']);
    setPageParams({});
  });

  it('a crafted returnTo (a raw path or another site) is ignored: the page goes on to 我的子女 as usual', async () => {
    const { setPageParams } = jest.requireMock('@/services/navigation') as typeof import('../../../test/navigationMock');
    setPageParams({ returnTo: 'https://evil.example/pages/apply/index' });
    render(<District />);
    fireEvent.click((await screen.findAllByRole('radio')).find((r) => r.textContent?.includes('渝北区'))!);
    fireEvent.click(await screen.findByRole('button', { name: '下一步：我的子女' }));
    expect(visited).toEqual(['/pages/children/index']);
    setPageParams({});
  });
});

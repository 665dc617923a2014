import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { useMockHost } from '../../../../test/pageHarness';
import { setPageParams, visited } from '../../../../test/navigationMock';
import { getBridge } from '@/bridge';
import { useDistrictStore } from '@/stores/district';
import Help from './index';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

describe('help page (政策查看 · 联系我们)', () => {
  const mock = useMockHost();
  beforeEach(() => {
    visited.splice(0);
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
  });

  async function chooseDistrict() {
    await useDistrictStore.getState().load();
    const district = useDistrictStore.getState().districts[0];
    useDistrictStore.setState({ currentCode: district.code });
    return district;
  }

  it('shows the current district policy paragraphs, anti-abuse and green channel', async () => {
    await mock.at('2024-06-05T10:00:00+08:00');
    const district = await chooseDistrict();
    setPageParams({ tab: 'policy' });
    render(<Help />);
    expect(await screen.findByText(`${district.name}义务教育招生政策`)).toBeInTheDocument();
    expect(screen.getByTestId('policy')).toHaveTextContent(district.policy[0]);
    expect(screen.getByText('绿色通道')).toBeInTheDocument();
    expect(screen.getByText('防范恶意代办帮办')).toBeInTheDocument();
  });

  it('holds the municipal policy (市教委) beside the district’s, with the calendar’s dates', async () => {
    await mock.at('2024-06-05T10:00:00+08:00');
    await chooseDistrict();
    setPageParams({ tab: 'policy' });
    render(<Help />);
    const municipal = await screen.findByTestId('municipal-policy');
    expect(municipal).toHaveTextContent('2024年重庆市义务教育阶段学校招生入学政策');
    expect(municipal).toHaveTextContent('发布单位：重庆市教育委员会');
    expect(municipal).toHaveTextContent('正式网上报名 6月3日 08:00 至 6月29日 22:00');
    expect(municipal).toHaveTextContent('公办、民办学校只能选择一所，不可兼报');
    expect(municipal).toHaveTextContent('6月21日 08:00 至 6月29日 22:00 回到公办录取体系');
    expect(screen.getByTestId('policy')).toBeInTheDocument();
  });

  it('shows the municipal policy before a district is chosen', async () => {
    await mock.at('2024-06-05T10:00:00+08:00');
    setPageParams({ tab: 'policy' });
    render(<Help />);
    expect(await screen.findByTestId('municipal-policy')).toHaveTextContent('重庆市教育委员会');
    expect(screen.getByText('请先选择当前区域')).toBeInTheDocument();
  });

  it('calls the consultation phone through the bridge and lists offline points', async () => {
    await mock.at('2024-06-05T10:00:00+08:00');
    const district = await chooseDistrict();
    const call = jest.spyOn(getBridge(), 'makePhoneCall').mockResolvedValue({ ok: true, value: undefined });
    setPageParams({ tab: 'contact' });
    render(<Help />);
    fireEvent.click(await screen.findByRole('button', { name: `拨打${district.name}招生咨询电话` }));
    expect(call).toHaveBeenCalledWith(district.consultationPhone);
    expect(screen.getByText('线下报名点')).toBeInTheDocument();
    expect(screen.getByTestId('contact')).toHaveTextContent(district.offlinePoints[0].address);
  });

  it('gives the number to dial by hand when the host cannot call', async () => {
    await mock.at('2024-06-05T10:00:00+08:00');
    const district = await chooseDistrict();
    jest.spyOn(getBridge(), 'makePhoneCall').mockResolvedValue({ ok: false, error: { kind: 'unavailable' } });
    setPageParams({ tab: 'contact' });
    render(<Help />);
    fireEvent.click(await screen.findByRole('button', { name: `拨打${district.name}招生咨询电话` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`请手动拨打 ${district.consultationPhone}`);
  });

  it('asks for the current district first when none is chosen', async () => {
    await mock.at('2024-06-05T10:00:00+08:00');
    setPageParams({});
    render(<Help />);
    fireEvent.click(await screen.findByRole('button', { name: '选择当前区域' }));
    await waitFor(() => expect(visited).toContain('/pages/district/index'));
  });

  it('leads a school teacher to 报到核验 (the page had no way in)', async () => {
    await chooseDistrict();
    setPageParams({ tab: 'policy' });
    render(<Help />);
    fireEvent.click(await screen.findByRole('button', { name: '报到核验（学校老师使用）' }));
    expect(visited).toEqual(['/pages/service/checkin/index']);
  });
});

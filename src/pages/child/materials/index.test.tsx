import '@testing-library/jest-dom';
import { act, render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { useMockHost } from '../../../../test/pageHarness';
import { visited, setPageParams } from '../../../../test/navigationMock';
import { getBridge, setBridge } from '@/bridge';
import { ok } from '@/bridge/result';
import { useChildrenStore } from '@/stores/children';
import { useMaterialsStore } from '@/stores/materials';
import { useDistrictStore } from '@/stores/district';
import { http, HttpResponse } from 'msw';
import Materials from './index';
import { sampleJpeg } from '@server/lib/sampleImages';

import { draftKeys } from '@/stores/persisted';

jest.mock('@/services/navigation', () => require('../../../../test/navigationMock'));

/** A real, decodable JPEG (the server decodes uploads and refuses images under 200 x 200). */
const JPEG = Buffer.from(sampleJpeg(320, 240));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

/** The device side (picker and canvas) is the host's: simulate it; the upload goes to the real mock. */
let deviceFile: Buffer = JPEG;
function deviceGives(name: string, mime: string, bytes: Buffer) {
  deviceFile = bytes;
  const base = getBridge();
  setBridge({
    ...base,
    pickImages: async () => ok([{ path: 'picked', name, size: 3_000_000, mime: 'image/jpeg' }]),
    compressImage: async () => ok({ path: '/__device/compressed.jpg', size: bytes.length, width: 16, height: 16, mime }),
    loadPreview: async (url) => ok(`preview:${url}`),
  });
}

const freshStores = () => {
  useChildrenStore.setState({ children: [], loaded: false, loading: false, error: null });
  useMaterialsStore.setState({ entries: {} });
};

describe('my materials page', () => {
  const mock = useMockHost();
  let childId = '';
  beforeEach(async () => {
    // What the device's canvas produced, readable by the H5 bridge like an object URL.
    mock.server.use(http.get('*/__device/compressed.jpg', () => new HttpResponse(deviceFile, { headers: { 'Content-Type': 'application/octet-stream' } })));
    visited.length = 0;
    freshStores();
    await mock.at('2024-05-14T10:00:00+08:00');
    await mock.login('two-children');
    const list = await mock.api<{ children: Array<{ id: string; birthCertificateName: string }> }>('GET', '/api/v1/children');
    childId = list.data.children.find((c) => c.birthCertificateName === '王子涵')!.id;
    setPageParams({ childId });
    useDistrictStore.setState({ districts: [], currentCode: null, loading: false, error: null });
    await useDistrictStore.getState().load();
    await useDistrictStore.getState().choose('500112');
  });

  it('lists the district checklist with reasons, waived items needing no upload', async () => {
    render(<Materials />);
    const list = await screen.findByTestId('checklist');
    const household = within(list).getByTestId('material-householdRegister');
    expect(household).toHaveTextContent('✓ 免传');
    expect(household).toHaveTextContent('已通过部门数据核验，无需上传');
    expect(within(household).queryByRole('button', { name: /上传.*照片/ })).toBeNull();
    const items = within(list).getAllByTestId(/^material-/);
    for (const item of items) expect(item.querySelector('.material-reason')!.textContent!.length).toBeGreaterThan(4);
  });

  it('during maintenance says the system is closed and when it reopens, not "loading" for ever', async () => {
    await mock.at('2024-05-14T23:00:00+08:00');
    render(<Materials />);
    expect(await screen.findByText(/暂时无法获取子女信息/)).toBeInTheDocument();
    expect(screen.getByText(/系统维护中，将于 5月15日 08:00 恢复/)).toBeInTheDocument();
    expect(screen.queryByText('正在加载材料清单…')).not.toBeInTheDocument();
    await mock.at('2024-05-15T08:00:00+08:00');
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByTestId('checklist')).toBeInTheDocument();
  });

  it('a child that is not this parent’s says so instead of loading for ever', async () => {
    setPageParams({ childId: 'CH-nobody' });
    render(<Materials />);
    expect(await screen.findByText(/没有找到这个子女/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去我的子女' }));
    expect(visited).toContain('/pages/children/index');
  });

  it('changes the checklist when the parent chooses another student source', async () => {
    render(<Materials />);
    expect(await screen.findByTestId('material-residencePermit')).toHaveTextContent('选传');
    fireEvent.click(screen.getByRole('radio', { name: /随迁子女/ }));
    await waitFor(() => expect(screen.getByTestId('material-residencePermit')).toHaveTextContent('必传'));
    expect(screen.getByTestId('material-residencePermit')).toHaveTextContent('随迁子女须提供监护人在本区县的居住证');
    expect(useMaterialsStore.getState().entries[childId].selection.source).toBe('migrant');
  });

  it('uploads a photo to the server and keeps it attached after a reload with a fresh store', async () => {
    deviceGives('房产证.jpg', 'image/jpeg', JPEG);
    const first = render(<Materials />);
    fireEvent.click(await screen.findByRole('radio', { name: /随迁子女/ }));
    await waitFor(() => expect(screen.getByTestId('material-residencePermit')).toHaveTextContent('必传'));
    const item = screen.getByTestId('material-residencePermit');
    fireEvent.click(within(item).getByRole('button', { name: '上传居住证照片' }));
    expect(await within(item).findByText('✓ 已上传')).toBeInTheDocument();
    const state = await mock.state();
    const uploads = Object.values(state.uploads) as Array<{ materialCode: string; size: number }>;
    expect(uploads).toHaveLength(1);
    expect(uploads[0].materialCode).toBe('residencePermit');
    expect(uploads[0].size).toBe(JPEG.length);

    await act(async () => void (await draftKeys()));
    first.unmount();
    freshStores();
    render(<Materials />);
    const again = await screen.findByTestId('material-residencePermit');
    expect(await within(again).findByText('✓ 已上传')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /随迁子女/ })).toHaveAttribute('aria-checked', 'true');
  });

  it('shows the server refusal of a non-image in Chinese beside the item', async () => {
    deviceGives('合同.jpg', 'image/jpeg', PDF);
    render(<Materials />);
    fireEvent.click(await screen.findByRole('radio', { name: /随迁子女/ }));
    await waitFor(() => expect(screen.getByTestId('material-residencePermit')).toHaveTextContent('必传'));
    const item = screen.getByTestId('material-residencePermit');
    fireEvent.click(within(item).getByRole('button', { name: '上传居住证照片' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('只能上传 JPG、PNG 图片');
    await waitFor(() => expect(useMaterialsStore.getState().files(childId).residencePermit).toBeUndefined());
  });
});

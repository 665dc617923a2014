/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/** Children, upkeep, materials, uploads over HTTP (msw/node). */
import { generateIdNumber } from '@/domain/idNumber';
import { setupServer, TINY_JPEG, TINY_PNG } from './harness';

const { server, call, clock, login } = setupServer();

describe('children', () => {
  test('lists the Chongqing-born children found by face login, masked, with eligibility', async () => {
    const auth = await login('two-children');
    const r = await call('GET', '/api/v1/children', undefined, auth);
    expect(r.status).toBe(200);
    expect(r.data.children.map((c: any) => [c.birthCertificateName, c.eligibleStage, c.idNumberMasked])).toEqual([
      ['王子涵', 'primary', '5001**********004X'],
      ['王浩宇', 'junior', '5001**********0031'],
    ]);
    expect(JSON.stringify(r.data)).not.toContain('50011220180312004X');
  });

  test('without a session the answer is UNAUTHENTICATED in Chinese', async () => {
    const r = await call('GET', '/api/v1/children');
    expect(r.status).toBe(401);
    expect(r.data.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新刷脸登录，您填写的内容不会丢失' });
  });

  test('manual add validates the ID number and name beside the fields', async () => {
    const auth = await login('born-outside');
    const bad = await call('POST', '/api/v1/children', { name: 'x', idNumber: '510104201711080039', relationship: 'father' }, auth);
    expect(bad.status).toBe(400);
    expect(bad.data.error.code).toBe('VALIDATION');
    expect(bad.data.error.fieldErrors.idNumber).toBe('证件号码校验位（最后一位）不正确，请逐位核对');
    expect(bad.data.error.fieldErrors.name).toBe('姓名至少2个字');
    const ok = await call('POST', '/api/v1/children', { name: '张一诺', idNumber: '510104201711080038', relationship: 'father' }, auth);
    expect(ok.status).toBe(201);
    expect(ok.data).toMatchObject({ birthCertificateName: '张一诺', source: 'manual', eligibleStage: 'primary', birthDate: '2017-11-08', sex: 'male' });
    const list = await call('GET', '/api/v1/children', undefined, auth);
    expect(list.data.children).toHaveLength(1);
  });

  test('a child too young is refused on the ID field', async () => {
    const auth = await login('born-outside');
    const r = await call('POST', '/api/v1/children', { name: '张小诺', idNumber: generateIdNumber({ birthDate: '2019-09-01', sex: 'male', area: '510104' }), relationship: 'father' }, auth);
    expect(r.status).toBe(400);
    expect(r.data.error.fieldErrors.idNumber).toContain('该子女年龄未到');
  });

  test('anti-abuse: another family’s child is refused with FORBIDDEN', async () => {
    const auth = await login('anti-abuse');
    const r = await call('POST', '/api/v1/children', { name: '王子涵', idNumber: '50011220180312004X', relationship: 'father' }, auth);
    expect(r.status).toBe(403);
    expect(r.data.error).toMatchObject({ code: 'FORBIDDEN', message: '该子女与您无监护关系，不能代为报名' });
  });

  test('at most 3 manual children', async () => {
    const auth = await login('born-outside');
    const ids = ['2017-11-08', '2018-01-01', '2018-02-02', '2018-03-03'].map((birthDate, i) => generateIdNumber({ birthDate, sex: 'female', area: '510104', serial: i + 7 }));
    const names = ['张一诺', '张二诺', '张三诺', '张四诺'];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call('POST', '/api/v1/children', { name: names[i], idNumber: ids[i], relationship: 'father' }, auth);
      statuses.push(r.status);
      if (i === 3) expect(r.data.error.message).toBe('最多可手动新增3名子女，如有特殊情况请联系区县招生咨询电话');
    }
    expect(statuses).toEqual([201, 201, 201, 409]);
  });

  test('PATCH keeps the real name; reveal returns the full ID to the owner only', async () => {
    const auth = await login('two-children');
    const patched = await call('PATCH', '/api/v1/children/CH-two-children-primary', { realName: '王紫涵' }, auth);
    expect(patched.data).toMatchObject({ birthCertificateName: '王子涵', realName: '王紫涵' });
    const reveal = await call('POST', '/api/v1/children/CH-two-children-primary/reveal', undefined, auth);
    expect(reveal.data).toEqual({ idNumber: '50011220180312004X' });
    const other = await login('anti-abuse');
    const denied = await call('POST', '/api/v1/children/CH-two-children-primary/reveal', undefined, other);
    expect(denied.status).toBe(404);
  });
});

const upkeep = {
  householdAddress: { text: '重庆市渝北区龙溪街道金龙路88号3栋2单元501', districtCode: '500112' },
  residenceAddress: { text: '重庆市渝北区龙溪街道金龙路88号3栋2单元501', districtCode: '500112' },
  property: { kind: 'certificate', unitNumber: '500112003012GB00231F00030501' },
  guardians: [{ name: '李娜', relationship: 'mother', phone: '13883216574' }],
  attachments: {},
  householdHeadIsOtherGuardian: false,
};

describe('upkeep', () => {
  test('outside the district upkeep window: OUTSIDE_WINDOW with reopensAt', async () => {
    // 5-08 is batch 1's window; 渝北 (batch 2) opens on 5-13.
    await clock('2024-05-08T10:00:00');
    const auth = await login('two-children');
    const r = await call('PUT', '/api/v1/children/CH-two-children-primary/upkeep', upkeep, auth);
    expect(r.status).toBe(409);
    expect(r.data.error).toMatchObject({ code: 'OUTSIDE_WINDOW', reopensAt: '2024-05-13T08:00:00+08:00', message: '本区县子女信息维护尚未开始，将于 5月13日 08:00 开放' });
  });

  test('inside the window it is kept, with verification tags; a bad unit number is a field error', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login('two-children');
    const bad = await call('PUT', '/api/v1/children/CH-two-children-primary/upkeep', { ...upkeep, property: { kind: 'certificate', unitNumber: '5001' } }, auth);
    expect(bad.data.error.fieldErrors['property.unitNumber']).toBe('不动产单元号应为28位，您输入了4位');
    const r = await call('PUT', '/api/v1/children/CH-two-children-primary/upkeep', upkeep, auth);
    expect(r.status).toBe(200);
    const got = await call('GET', '/api/v1/children/CH-two-children-primary/upkeep', undefined, auth);
    // Answers carry it masked; the whole number only through the (logged) reveal.
    expect(got.data.upkeep.property.unitNumber).toBe('500112******************0501');
    expect((await call('POST', '/api/v1/children/CH-two-children-primary/upkeep/reveal', undefined, auth)).data.upkeep.property.unitNumber).toBe('500112003012GB00231F00030501');
    expect(got.data.verification.find((v: any) => v.kind === 'property')).toMatchObject({ status: 'matched', source: '市规划自然资源局' });
  });

  test('a county code that is not Chongqing’s is a 400 beside the field, and nothing is kept', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login('two-children');
    const put = (unitNumber: string) => call('PUT', '/api/v1/children/CH-two-children-primary/upkeep', { ...upkeep, property: { kind: 'certificate', unitNumber } }, auth);
    const before = (await call('GET', '/api/v1/children/CH-two-children-primary/upkeep', undefined, auth)).data;
    const madeUp = await put('999999003012GB00231F00030501');
    expect(madeUp.status).toBe(400);
    expect(madeUp.data.error.fieldErrors['property.unitNumber']).toBe('第1-6位"999999"不是重庆市的区县代码，请对照不动产权证书重新核对不动产单元号');
    const beijing = await put('110105003012GB00231F00030501');
    expect(beijing.status).toBe(400);
    expect(beijing.data.error.fieldErrors['property.unitNumber']).toMatch(/^第1-6位"110105"表示该房产不在重庆市.*请在“房产情况”中选择“租房居住”或“无房”/);
    expect((await call('GET', '/api/v1/children/CH-two-children-primary/upkeep', undefined, auth)).data).toEqual(before);
  });

  test('during the 5-10 maintenance day: MAINTENANCE with the reopening time', async () => {
    await clock('2024-05-10T11:00:00');
    const auth = await login('property-fails');
    const r = await call('PUT', '/api/v1/children/CH-property-fails-primary/upkeep', upkeep, auth);
    expect(r.status).toBe(503);
    expect(r.data.error.code).toBe('MAINTENANCE');
    expect(r.data.error.reopensAt).toBe('2024-05-11T08:00:00+08:00');
    expect(r.headers.get('retry-after')).toBe(String(21 * 3600));
  });

  test('nightly maintenance at 23:00 blocks every API route', async () => {
    await clock('2024-05-08T21:59:00');
    const auth = await login('two-children');
    await clock('2024-05-08T23:00:00');
    const r = await call('GET', '/api/v1/children', undefined, auth);
    expect(r.status).toBe(503);
    expect(r.data.error.message).toContain('系统维护中，将于 5月9日 08:00 恢复');
  });
});

describe('materials', () => {
  test('waived where shared data matched, required where it failed (Q23)', async () => {
    const auth = await login('property-fails');
    const r = await call('GET', '/api/v1/materials?districtCode=500103&stage=primary&schoolType=publicTight&source=localHukou', undefined, auth);
    expect(r.status).toBe(200);
    const state = Object.fromEntries(r.data.items.map((i: any) => [i.code, i.state]));
    expect(state).toMatchObject({ householdRegister: 'waived', propertyCertificate: 'required', birthCertificate: 'waived' });
    expect(r.data.maxBytes).toBe(5 * 1024 * 1024);
  });

  test('a spouse-owned property asks for guardianship evidence (Q17)', async () => {
    const auth = await login('spouse-owner');
    const r = await call('GET', '/api/v1/materials?districtCode=500107&stage=primary&schoolType=publicTight&source=localHukou', undefined, auth);
    expect(r.data.items.find((i: any) => i.code === 'marriageCertificate')).toBeDefined();
  });
});

describe('uploads', () => {
  test('a PNG is kept and previewed by its owner only, with its content type', async () => {
    const auth = await login('two-children');
    const up = await call('POST', '/api/v1/uploads', TINY_PNG, { ...auth, 'X-Material-Code': 'householdRegister' });
    expect(up.status).toBe(201);
    expect(up.data).toMatchObject({ mime: 'image/png', size: TINY_PNG.length, width: 200, height: 300, url: `/api/v1/uploads/${up.data.fileId}` });
    const got = await call('GET', up.data.url, undefined, auth);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Array.from(got.data)).toEqual(Array.from(TINY_PNG));
    const other = await login('migrant');
    expect((await call('GET', up.data.url, undefined, other)).status).toBe(404);
  });

  test('multipart form-data with field "file" (weapp uploadFile) works; JPEG size is read', async () => {
    const auth = await login('two-children');
    const form = new FormData();
    form.append('file', new Blob([TINY_JPEG as unknown as BlobPart], { type: 'image/jpeg' }), 'a.jpg');
    const res = await server().app.request('http://localhost/api/v1/uploads', { method: 'POST', body: form, headers: { ...auth, 'X-Material-Code': 'guardianId' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ mime: 'image/jpeg', width: 480, height: 640 });
  });

  test('empty, non-image (named .jpg) and oversize are refused by content', async () => {
    const auth = await login('two-children');
    const empty = await call('POST', '/api/v1/uploads', new Uint8Array(0), { ...auth, 'X-Material-Code': 'householdRegister', 'X-File-Name': 'a.jpg' });
    expect(empty.status).toBe(400);
    expect(empty.data.error.message).toContain('文件为空');
    const pdf = new TextEncoder().encode('%PDF-1.4 not an image');
    const fake = await call('POST', '/api/v1/uploads', pdf, { ...auth, 'X-Material-Code': 'householdRegister', 'X-File-Name': 'photo.jpg' });
    expect(fake.status).toBe(415);
    expect(fake.data.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA', message: '只能上传 JPG、PNG 图片，请重新拍照或从相册选择' });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(TINY_PNG);
    // The limit is the policy of the district the upload is for (渝北区: 5 MB).
    const large = await call('POST', '/api/v1/uploads', big, { ...auth, 'X-Material-Code': 'householdRegister', 'X-District-Code': '500112' });
    expect(large.status).toBe(413);
    expect(large.data.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '图片超过5MB，请压缩后重新上传' });
  });
});

import fc from 'fast-check';
import { unitNumberHint, validateAddress, validateName, validatePhone, validateUnitNumber } from './validators';

const GOOD = '500112 003004 GB00011 F00010001';

describe('不动产单元号', () => {
  it('accepts the standard layout with spaces', () => {
    expect(validateUnitNumber(GOOD)).toEqual({
      ok: true,
      value: '500112003004GB00011F00010001',
      parts: { county: '500112', cadastralDistrict: '003', cadastralSubDistrict: '004', ownership: 'G', parcelType: 'B', parcelNumber: '00011', fixtureType: 'F', fixtureUnit: '00010001' },
    });
    expect(validateUnitNumber('500229002004JC00022W00000000').ok).toBe(true);
    expect(validateUnitNumber('500112003004gb00011f00010001').ok).toBe(true);
  });
  it('does not require the county to match the chosen district, only to be in Chongqing (old codes included)', () => {
    expect(validateUnitNumber('500101003004GB00011F00010001').ok).toBe(true);
    expect(validateUnitNumber('500157003004GB00011F00010001').ok).toBe(true); // 两江新区 (2025)
    expect(validateUnitNumber('500105003004GB00011F00010001').ok).toBe(true); // 江北区, on older certificates
  });
  it.each(['999999', '500199', '500000', '990101'])('refuses the made-up county code %s', (code) => {
    expect(validateUnitNumber(`${code}003004GB00011F00010001`)).toEqual({ ok: false, message: `第1-6位"${code}"不是重庆市的区县代码，请对照不动产权证书重新核对不动产单元号` });
  });
  it.each(['110105', '340123', '510104'])('explains a property outside Chongqing (%s) and what to do instead', (code) => {
    const r = validateUnitNumber(`${code}002004JC00022W00000000`);
    expect(r).toEqual({
      ok: false,
      message: `第1-6位"${code}"表示该房产不在重庆市，不能作为在重庆入学的房产信息。请在“房产情况”中选择“租房居住”或“无房”，并按区县要求上传租房合同或无房证明`,
    });
  });
  it.each([
    ['50011200300GB00011F00010001', '不动产单元号应为28位，您输入了27位'],
    ['5001A2003004GB00011F00010001', '第1-6位应为县级行政区划代码（6位数字）'],
    ['50011200A004GB00011F00010001', '第7-9位应为地籍区代码（3位数字）'],
    ['5001120030A4GB00011F00010001', '第10-12位应为地籍子区代码（3位数字）'],
    ['500112003004XB00011F00010001', '第13位应为土地所有权类型 G（国家）、J（集体）或 Z（未确定）'],
    ['500112003004GK00011F00010001', '第14位宗地类型代码"K"不正确，应为 A、B、S、X、C、D、E、F、H、G、W、Y 之一'],
    ['500112003004GB0001AF00010001', '第15-19位应为宗地顺序号（5位数字）'],
    ['500112003004GB00011K00010001', '第20位应为定着物类型 F（房屋）、L（林木）、Q（其他）或 W（无定着物）'],
    ['500112003004GB00011F0001000A', '第21-28位应为定着物单元编号（8位数字）'],
    ['500112003004GB00011W00010001', '无定着物（W）时，第21-28位应为00000000'],
  ])('%s -> %s', (input, message) => {
    expect(validateUnitNumber(input)).toEqual({ ok: false, message });
  });
  it('empty says where to find it, naming only the host it is given', () => {
    const inHost = validateUnitNumber('  ', '渝快政');
    expect(!inHost.ok && inHost.message).toBe('请输入28位不动产单元号。不动产单元号可在渝快政「我的 → 不动产 → 我的不动产」中查看，也印在不动产权证书上');
    const noHost = validateUnitNumber('  ');
    expect(!noHost.ok && noHost.message).toBe('请输入28位不动产单元号。不动产单元号印在不动产权证书上');
    expect(unitNumberHint('')).not.toMatch(/渝快办|可在/);
  });
});

describe('phone', () => {
  it('normalises', () => {
    expect(validatePhone('138-1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(validatePhone('+86 139 0000 0000')).toEqual({ ok: true, value: '13900000000' });
  });
  it('refuses', () => {
    expect(validatePhone('1381234567')).toEqual({ ok: false, message: '手机号码应为11位，您输入了10位' });
    expect(validatePhone('12812345678')).toEqual({ ok: false, message: '手机号码格式不正确，应以13至19开头' });
    expect(validatePhone('023-6789012')).toMatchObject({ ok: false });
    expect(validatePhone('')).toEqual({ ok: false, message: '请输入手机号码' });
  });
});

describe('name', () => {
  it('accepts Han, rare characters and the middle dot', () => {
    expect(validateName('张三')).toEqual({ ok: true, value: '张三' });
    expect(validateName('王𠮷')).toEqual({ ok: true, value: '王𠮷' });
    expect(validateName('阿依古丽•买买提')).toEqual({ ok: true, value: '阿依古丽·买买提' });
    expect(validateName('李 〇')).toEqual({ ok: true, value: '李〇' });
  });
  it('refuses', () => {
    expect(validateName('张')).toEqual({ ok: false, message: '姓名至少2个字' });
    expect(validateName('张3')).toEqual({ ok: false, message: '姓名中不能包含"3"，请填写证件上的中文姓名（少数民族姓名可用"·"分隔）' });
    expect(validateName('·买买提')).toEqual({ ok: false, message: '姓名中的"·"只能用在两个字之间' });
    expect(validateName('张'.repeat(21))).toEqual({ ok: false, message: '姓名不能超过20个字' });
  });
});

describe('address', () => {
  it('accepts and trims', () => {
    expect(validateAddress('  重庆市渝北区龙溪街道金龙路 88 号  ')).toEqual({ ok: true, value: '重庆市渝北区龙溪街道金龙路 88 号' });
  });
  it('refuses', () => {
    expect(validateAddress('重庆')).toEqual({ ok: false, message: '地址太短，请填写到门牌号' });
    expect(validateAddress('<script>alert(1)</script>')).toMatchObject({ ok: false, message: '地址中不能包含"<"">"等符号' });
    expect(validateAddress('重庆市渝北区\u0000金龙路')).toMatchObject({ ok: false, message: '地址中包含无法识别的字符，请重新输入' });
    expect(validateAddress('12345 Main Street')).toMatchObject({ ok: false });
    expect(validateAddress('重'.repeat(121))).toEqual({ ok: false, message: '地址不能超过120个字' });
  });
});

describe('random input never throws', () => {
  it('all validators', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.anything()), (x) => {
        for (const f of [validateUnitNumber, validatePhone, validateName, validateAddress]) {
          const r = f(x);
          if (!r.ok && !(typeof r.message === 'string' && r.message.length > 0)) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});

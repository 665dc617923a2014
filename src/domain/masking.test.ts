import fc from 'fast-check';
import { maskAddress, maskIdNumber, maskIdNumberToLastFour, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('masks ID numbers keeping the first and last four', () => {
    expect(maskIdNumber('500154199301135886')).toBe('5001**********5886');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
  it('masks phones as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
  it('masks names by code point, including rare characters and ·', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王子涵')).toBe('王*涵');
    expect(maskName('𠀾小明')).toBe('𠀾*明');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });
  it('keeps an address up to the street and hides the house number', () => {
    const masked = maskAddress('重庆市渝北区龙溪街道金龙路88号3栋2单元501');
    expect(masked.startsWith('重庆市渝北区龙溪街道')).toBe(true);
    expect(masked).not.toContain('501');
    expect(masked).not.toContain('88号');
  });
  it('never reveals the middle of an ID number and never throws', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 9, maxLength: 30 }), (value) => {
        const masked = maskIdNumber(value);
        expect(masked.length).toBe(value.trim().length);
        maskPhone(value);
        maskName(value);
        maskAddress(value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('maskIdNumberToLastFour', () => {
  it('keeps only the last four characters (an X included), for staff who match a child by full name', () => {
    expect(maskIdNumberToLastFour('500154199301135886')).toBe('**************5886');
    expect(maskIdNumberToLastFour('11010519491231002X')).toBe('**************002X');
    expect(maskIdNumberToLastFour('123')).toBe('***');
  });
});

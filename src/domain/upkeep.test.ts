import type { UpkeepInfo } from '@contract/child';
import { validateUpkeep } from './upkeep';
import { evidenceFor } from './materials';
import { validateName, validatePhone, validateUnitNumber } from './validators';

const good: UpkeepInfo = {
  householdAddress: { text: '重庆市渝北区龙溪街道金龙路88号' },
  residenceAddress: { text: '重庆市渝北区龙溪街道金龙路88号' },
  property: { kind: 'certificate', unitNumber: '500112001002GB00012F00010001' },
  guardians: [{ name: '张三', relationship: 'father', phone: '13800138000' }],
  attachments: {},
  householdHeadIsOtherGuardian: false,
};

describe('validateUpkeep', () => {
  it('accepts a complete record', () => {
    expect(validateUpkeep(good)).toEqual({});
  });
  it('names each bad field by the form path, with the validators\' messages', () => {
    const bad = { ...good, property: { kind: 'certificate' as const, unitNumber: '123' }, guardians: [{ name: 'A', relationship: 'mother' as const, phone: '12' }] };
    const errors = validateUpkeep(bad);
    expect(errors).toEqual({
      'property.unitNumber': (validateUnitNumber('123') as { message: string }).message,
      'guardians.0.name': (validateName('A') as { message: string }).message,
      'guardians.0.phone': (validatePhone('12') as { message: string }).message,
    });
  });
  it('asks for the unit number only with a certificate, and for at least one guardian', () => {
    expect(validateUpkeep({ ...good, property: { kind: 'rented' }, guardians: [] })).toEqual({ guardians: '请至少填写一位监护人的联系方式' });
  });
  it('prefixes paths for a submission body', () => {
    expect(Object.keys(validateUpkeep({ ...good, householdAddress: { text: '' } }, 'upkeep.'))).toEqual(['upkeep.householdAddress.text']);
  });
});

describe('evidenceFor', () => {
  it('asks for the evidence of each failed or unavailable check, never of a matched one', () => {
    expect(
      evidenceFor(
        [
          { kind: 'householdRegister', status: 'notMatched', source: '公安', message: '' },
          { kind: 'property', status: 'unavailable', source: '规划自然资源', message: '' },
          { kind: 'marriage', status: 'matched', source: '民政', message: '' },
        ],
        good,
      ),
    ).toEqual(['householdRegister', 'propertyCertificate']);
  });
  it('asks for the guardianship evidence of SPEC Q17 when another guardian is the household head or owner', () => {
    expect(evidenceFor([], { ...good, householdHeadIsOtherGuardian: true })).toEqual(['birthCertificate', 'householdRegister', 'marriageCertificate']);
  });
  it('asks for the rental contract when renting', () => {
    expect(evidenceFor([], { ...good, property: { kind: 'rented' } })).toEqual(['rentalContract']);
  });
});

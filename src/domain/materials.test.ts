import type { VerificationResult } from '@contract/child';
import { buildDefaultPolicy, policyVariantFor } from '@server/data/policies';
import type { Stage } from '@contract/calendar';
import type { SchoolType } from '@contract/district';
import type { MaterialPolicy, StudentSource } from '@contract/materials';
import { buildChecklist, missingRequired } from './materials';

const checklistFor = (policy: MaterialPolicy, stage: Stage, schoolType: SchoolType, source: StudentSource, verification: VerificationResult[], guardianMismatch: boolean) =>
  buildChecklist({ policy, stage, schoolType, source, verification, guardianMismatch });
import { MATERIAL_NAMES, SCHOOL_TYPE_NAMES, SOURCE_NAMES, STAGE_NAMES } from './labels';

const v = (kind: VerificationResult['kind'], status: VerificationResult['status']): VerificationResult => ({ kind, status, source: '市公安局', message: '' });
const yubei = buildDefaultPolicy('500112', 2024);

describe('names', () => {
  it('Chinese names', () => {
    expect(MATERIAL_NAMES.householdRegister).toBe('户口簿');
    expect(SOURCE_NAMES.migrant).toBe('随迁子女');
    expect(SCHOOL_TYPE_NAMES.converted).toBe('民转公学校');
    expect(STAGE_NAMES).toEqual({ primary: '幼升小', junior: '小升初' });
  });
});

describe('checklist', () => {
  it('本区县户籍 at a 学位紧张 school without verification', () => {
    const c = checklistFor(yubei, 'primary', 'publicTight', 'localHukou', [], false);
    expect(c.items.map((x) => [x.code, x.state])).toEqual([
      ['householdRegister', 'required'],
      ['birthCertificate', 'required'],
      ['guardianId', 'required'],
      ['propertyCertificate', 'required'],
      ['residencePermit', 'optional'],
    ]);
    expect(c.items[0]).toEqual({ code: 'householdRegister', name: '户口簿', state: 'required', reason: '证明适龄儿童及监护人的户籍' });
  });
  it('matched data waives, failed data asks for evidence and never blocks', () => {
    const c = buildChecklist({ policy: yubei, stage: 'primary', schoolType: 'publicTight', source: 'localHukou', guardianMismatch: false, verification: [v('householdRegister', 'matched'), v('property', 'notMatched'), v('birthCertificate', 'unavailable')] });
    const by = Object.fromEntries(c.items.map((x) => [x.code, x]));
    expect(by.householdRegister).toEqual({ code: 'householdRegister', name: '户口簿', state: 'waived', reason: '已通过部门数据核验，无需上传', decidedBy: 'householdRegister' });
    expect(by.propertyCertificate).toMatchObject({ state: 'required', reason: '数据核验未通过，请上传佐证材料', decidedBy: 'property' });
    expect(by.birthCertificate).toMatchObject({ state: 'required', reason: '数据核验未通过，请上传佐证材料' });
    expect(c.items[c.items.length - 1].state).toBe('waived');
  });
  it('guardian mismatch adds guardianship evidence', () => {
    const c = checklistFor(yubei, 'primary', 'publicTight', 'localHukou', [v('birthCertificate', 'matched')], true);
    const by = Object.fromEntries(c.items.map((x) => [x.code, x]));
    expect(by.marriageCertificate).toMatchObject({ state: 'required', name: '婚姻证明' });
    expect(by.householdRegister.reason).toContain('房屋权利人或户主不是申请的监护人');
    expect(by.birthCertificate.state).toBe('waived');
    const junior = checklistFor(yubei, 'junior', 'publicNormal', 'localHukou', [], true);
    expect(junior.items.find((x) => x.code === 'birthCertificate')).toMatchObject({ state: 'required', reason: '房屋权利人或户主不是申请的监护人，请上传监护关系证明' });
  });
  it('随迁子女, 残疾 and 民办 differ', () => {
    const m = checklistFor(yubei, 'primary', 'publicNormal', 'migrant', [], false).items.map((x) => x.code);
    expect(m).toEqual(expect.arrayContaining(['residencePermit', 'employmentProof', 'rentalContract']));
    expect(checklistFor(yubei, 'primary', 'private', 'disabled', [], false).items.map((x) => x.code)).toEqual(['householdRegister', 'birthCertificate', 'guardianId', 'disabilityCertificate']);
    expect(checklistFor(yubei, 'junior', 'private', 'localHukou', [], false).items.map((x) => x.code)).toEqual(['householdRegister', 'guardianId', 'schoolRollProof']);
  });
  it('districts differ by variant', () => {
    expect(policyVariantFor('500112')).toBe('urban');
    expect(policyVariantFor('500229')).toBe('county');
    expect(policyVariantFor('500101')).toBe('standard');
    const county = checklistFor(buildDefaultPolicy('500229', 2024), 'primary', 'publicNormal', 'localHukou', [], false);
    expect(county.items.find((x) => x.code === 'propertyCertificate')!.state).toBe('optional');
    expect(county.maxBytes).toBe(8 * 1024 * 1024);
    const urban = checklistFor(yubei, 'primary', 'publicNormal', 'localHukou', [], false);
    expect(urban.items.find((x) => x.code === 'propertyCertificate')!.state).toBe('required');
  });
  it('missingRequired', () => {
    const c = checklistFor(yubei, 'primary', 'private', 'localHukou', [], false);
    expect(missingRequired(c, { householdRegister: ['f1'] }).map((x) => x.code)).toEqual(['birthCertificate', 'guardianId']);
  });
});

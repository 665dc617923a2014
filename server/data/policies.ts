/**
 * The districts' material policies (Q16, Q17, Q23) as this server's reference data: realistic
 * variants by district kind, until districts publish their own.
 */
import type { SchoolType } from '@contract/district';
import type { MaterialCode, MaterialPolicy, MaterialRule } from '@contract/materials';


/**
 * 'urban': main-city districts with many 学位紧张 schools (stricter property and residence proof).
 * 'standard': most districts. 'county': counties (lighter requirements, larger uploads allowed).
 */
export type PolicyVariant = 'urban' | 'standard' | 'county';

const URBAN = new Set(['500103', '500104', '500105', '500106', '500107', '500108', '500112', '900001', '900002']);

export function policyVariantFor(districtCode: string): PolicyVariant {
  if (URBAN.has(districtCode)) return 'urban';
  if (districtCode.startsWith('5002')) return 'county';
  return 'standard';
}

const rule = (
  code: MaterialCode,
  requirement: MaterialRule['requirement'],
  reason: string,
  o: Partial<Pick<MaterialRule, 'schoolTypes' | 'sources' | 'stages' | 'waivedBy' | 'onlyWhenGuardianMismatch'>> = {},
): MaterialRule => ({ code, requirement, reason, schoolTypes: o.schoolTypes ?? [], sources: o.sources ?? [], stages: o.stages ?? [], ...(o.waivedBy ? { waivedBy: o.waivedBy } : {}), ...(o.onlyWhenGuardianMismatch ? { onlyWhenGuardianMismatch: true } : {}) });

const PUBLIC: SchoolType[] = ['publicTight', 'publicNormal', 'converted'];

/** A realistic district policy for mock data; districts differ by variant. */
export function buildDefaultPolicy(districtCode: string, year: number, variant: PolicyVariant = policyVariantFor(districtCode)): MaterialPolicy {
  const rules: MaterialRule[] = [
    rule('householdRegister', 'required', '证明适龄儿童及监护人的户籍', { waivedBy: 'householdRegister' }),
    rule('birthCertificate', 'required', '证明亲子关系', { stages: ['primary'], waivedBy: 'birthCertificate' }),
    rule('guardianId', 'required', '核验监护人身份', { waivedBy: 'householdRegister' }),
    rule('schoolRollProof', 'required', '证明小学学籍（应届毕业生）', { stages: ['junior'], waivedBy: 'schoolRoll' }),
    // 三对口: 户籍、房产、实际居住一致.
    rule('propertyCertificate', 'required', '公办学位紧张学校按"三对口"划片，须提供房屋产权证明', { schoolTypes: ['publicTight'], sources: ['localHukou'], waivedBy: 'property' }),
    rule('propertyCertificate', variant === 'county' ? 'optional' : 'required', '证明在划片范围内有住房', { schoolTypes: ['publicNormal', 'converted'], sources: ['localHukou'], waivedBy: 'property' }),
    rule('noPropertyProof', 'optional', '无自有住房的，可提供无房证明', { schoolTypes: ['publicNormal', 'converted'], sources: ['localHukou'] }),
    rule('residencePermit', 'required', '随迁子女须提供监护人在本区县的居住证', { schoolTypes: PUBLIC, sources: ['migrant'], waivedBy: 'residencePermit' }),
    rule('employmentProof', variant === 'county' ? 'optional' : 'required', '证明监护人在本区县务工或缴纳社保', { schoolTypes: PUBLIC, sources: ['migrant'], waivedBy: 'socialInsurance' }),
    rule('rentalContract', variant === 'urban' ? 'required' : 'optional', '无自有住房的，提供租房合同或租赁备案', { schoolTypes: PUBLIC, sources: ['migrant'], waivedBy: 'rentalRecord' }),
    rule('propertyCertificate', 'optional', '有自有住房的可提供', { schoolTypes: PUBLIC, sources: ['migrant'], waivedBy: 'property' }),
    rule('disabilityCertificate', 'required', '残疾儿童少年须提供残疾证或专家评估意见', { sources: ['disabled'], waivedBy: 'disability' }),
    rule('specialGroupProof', 'required', '军人、烈士、引进人才等子女须提供相应证明', { sources: ['specialGroup'], waivedBy: 'militaryFamily' }),
    rule('marriageCertificate', 'required', '证明监护人与房屋权利人（户主）的关系', { onlyWhenGuardianMismatch: true, waivedBy: 'marriage' }),
  ];
  if (variant === 'urban') {
    rules.push(rule('residencePermit', 'optional', '实际居住地与户籍地不一致的，可提供居住证明', { schoolTypes: ['publicTight'], sources: ['localHukou'], waivedBy: 'residencePermit' }));
  }
  return {
    districtCode,
    year,
    rules,
    maxBytes: variant === 'county' ? 8 * 1024 * 1024 : 5 * 1024 * 1024,
    maxImagesPerItem: variant === 'urban' ? 6 : 9,
  };
}

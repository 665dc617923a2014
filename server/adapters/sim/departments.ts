/**
 * The 9 departments' data sharing (Q6, Q23) as simulated in development: each seeded citizen's
 * answers come from identities.ts. A failed match never blocks; the message says what the parent
 * can do instead.
 */
import type { DataKind, VerificationResult, VerificationStatus } from '@contract/api';
import { DATA_KINDS } from '@contract/api';
import { DATA_KIND_NAMES } from '@/domain/labels';
import type { DataSharing, SharedDataReport } from '../../ports/outside';
import { identityByIdNumber } from './identities';

/** Which department answers each kind, and what evidence replaces a failed match. */
const DEPARTMENTS: Record<DataKind, { source: string; evidence: string }> = {
  householdRegister: { source: '市公安局', evidence: '户口簿' },
  residencePermit: { source: '市公安局', evidence: '居住证' },
  marriage: { source: '市民政局', evidence: '结婚证或离婚证' },
  property: { source: '市规划自然资源局', evidence: '不动产权证书或房屋产权证明' },
  birthCertificate: { source: '市卫生健康委', evidence: '出生医学证明' },
  socialInsurance: { source: '市人力社保局', evidence: '社保缴费或务工证明' },
  businessLicense: { source: '市市场监管局', evidence: '营业执照' },
  disability: { source: '市残联', evidence: '残疾人证或评估意见' },
  militaryFamily: { source: '市退役军人事务局', evidence: '军人家庭证明' },
  housingProvident: { source: '市住房公积金管理中心', evidence: '公积金缴存证明' },
  rentalRecord: { source: '市住房城乡建委', evidence: '租房合同或租赁备案证明' },
  schoolRoll: { source: '市教委', evidence: '学籍证明' },
  deathOrGuardianship: { source: '市民政局', evidence: '监护关系证明' },
};

function message(kind: DataKind, status: VerificationStatus): string {
  const { evidence } = DEPARTMENTS[kind];
  const name = DATA_KIND_NAMES[kind];
  switch (status) {
    case 'matched':
      return `${name}信息已核验通过，无需上传${evidence}`;
    case 'notMatched':
      return `${name}信息核验未通过，不影响报名，请上传${evidence}，由审核人员确认`;
    case 'unavailable':
      return `${name}数据暂时无法核验（数据源暂不可用），不影响报名，请上传${evidence}`;
    case 'notChecked':
      return `${name}信息未核验，如需请上传${evidence}`;
  }
}

export function createSimulatedDataSharing(): DataSharing {
  return {
    async report(guardianIdNumber, now): Promise<SharedDataReport> {
      const identity = identityByIdNumber(guardianIdNumber);
      if (!identity) return { results: [], propertyOwner: 'unknown', householdHeadIsOtherGuardian: false };
      const results: VerificationResult[] = DATA_KINDS.filter((kind) => identity.dataSharing[kind] !== undefined).map((kind) => {
        const status = identity.dataSharing[kind] as VerificationStatus;
        return { kind, status, source: DEPARTMENTS[kind].source, checkedAt: now, message: message(kind, status) };
      });
      return { results, propertyOwner: identity.propertyOwner, householdHeadIsOtherGuardian: identity.householdHeadIsOtherGuardian };
    },
    async matched(guardianIdNumber) {
      const identity = identityByIdNumber(guardianIdNumber);
      if (!identity) return [];
      return DATA_KINDS.filter((k) => identity.dataSharing[k] === 'matched');
    },
  };
}

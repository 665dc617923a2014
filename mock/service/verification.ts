/**
 * Shared-data matching (Q6, Q23) as 标签提示: the simulated departments answer from the identity's
 * dataSharing. A failed match never blocks; the message says what the parent can do instead.
 */
import type { DataKind, VerificationResult, VerificationStatus } from '@contract/child';
import { DATA_KIND_NAMES } from '@/domain/materials';
import type { HostIdentity } from '../data/identities';

const KINDS: Record<DataKind, { source: string; evidence: string }> = {
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
  const { evidence } = KINDS[kind];
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

/** The tags for an identity at `now`, in the order of the 13 kinds. */
export function verificationFor(identity: HostIdentity, now: string): VerificationResult[] {
  return (Object.keys(KINDS) as DataKind[])
    .filter((kind) => identity.dataSharing[kind] !== undefined)
    .map((kind) => {
      const status = identity.dataSharing[kind] as VerificationStatus;
      return { kind, status, source: KINDS[kind].source, checkedAt: now, message: message(kind, status) };
    });
}

/** The kinds whose shared data matched, for material waivers (Q23). */
export function matchedKinds(identity: HostIdentity): DataKind[] {
  return (Object.keys(identity.dataSharing) as DataKind[]).filter((k) => identity.dataSharing[k] === 'matched');
}

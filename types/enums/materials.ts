/** The materials a parent may upload (the checklist decides which a child needs). */
export const MATERIAL_CODES = [
  'householdRegister', // 户口簿
  'birthCertificate', // 出生医学证明
  'propertyCertificate', // 房屋产权证明 / 不动产权证书
  'noPropertyProof', // 无房证明
  'marriageCertificate', // 婚姻证明
  'residencePermit', // 居住证
  'employmentProof', // 务工/社保证明
  'rentalContract', // 租房合同/备案
  'disabilityCertificate', // 残疾证 / 评估意见
  'specialGroupProof', // 特殊群体证明
  'guardianId', // 监护人身份证
  'schoolRollProof', // 学籍证明 (小升初)
] as const;

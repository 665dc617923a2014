/** The 13 kinds of shared data from 9 departments (Q6). */
export const DATA_KINDS = [
  'householdRegister', // 户籍 (公安)
  'residencePermit', // 居住证 (公安)
  'marriage', // 婚姻 (民政)
  'property', // 不动产 (住建/规划自然资源)
  'birthCertificate', // 出生医学证明 (卫健)
  'socialInsurance', // 社保 (人社)
  'businessLicense', // 营业执照 (市场监管)
  'disability', // 残疾人证 (残联)
  'militaryFamily', // 军人家庭 (退役军人)
  'housingProvident', // 公积金
  'rentalRecord', // 租赁备案
  'schoolRoll', // 学籍 (教育)
  'deathOrGuardianship', // 监护关系 (民政)
] as const;

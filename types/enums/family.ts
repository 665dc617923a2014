/** Who applies for a child and where the family lives. */

export const RELATIONSHIPS = ['father', 'mother', 'grandparent', 'otherGuardian'] as const;

export const PROPERTY_KINDS = ['certificate', 'noCertificate', 'none', 'rented'] as const;

/** 生源类型 (Q16). */
export const STUDENT_SOURCES = [
  'localHukou', // 本区县户籍 三对口
  'migrant', // 随迁子女
  'disabled', // 残疾儿童少年
  'specialGroup', // 其他特殊群体 (军人、烈士、引进人才等)
] as const;

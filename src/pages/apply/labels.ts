/** Words of the registration pages, shared by the form and the check-your-answers page. */
import type { SchoolType } from '@contract/district';
import type { StudentSource } from '@contract/materials';

export const NOTES_TICK = '我已阅读以上申报须知，知晓并确认相关内容';

export const SCHOOL_TYPE_NAMES: Record<SchoolType, string> = {
  publicTight: '公办学位紧张学校',
  publicNormal: '公办非学位紧张学校',
  converted: '民转公学校',
  private: '民办学校',
};
export const SOURCE_NAMES: Record<StudentSource, string> = {
  localHukou: '本区县户籍（三对口）',
  migrant: '随迁子女',
  disabled: '残疾儿童少年',
  specialGroup: '其他特殊群体（军人、烈士、引进人才子女等）',
};

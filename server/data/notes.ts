/**
 * 申报须知 (Q19): the district education authority's reading of each school type, shown before the
 * parent ticks "我已阅读以上申报须知，知晓并确认相关内容". Dates are those of the 2024 calendar
 * (Q8, Q20–Q22); the review period is Q24's 10 working days.
 */
import type { Stage } from '@contract/calendar';
import type { District, SchoolType } from '@contract/district';

const NO_DOUBLE = '公办、民办学校只能选择一所，不可兼报；提交一所学校的申报后，不能再同时申报另一类学校。';

function timing(district: District): string {
  return `请在${district.name}分批次安排的报名时间内填报，报名先后不影响录取结果，请错峰提交，不必在开放首日扎堆报名。`;
}

function review(district: District): string {
  return `提交后，${district.name}教育行政部门和学校将在10个工作日内完成审核；核验未通过的，会发起补正通知，请在“个人中心—我的申请—办件详情”中查看并按要求补传材料。`;
}

function baseMaterials(stage: Stage): string {
  return stage === 'primary'
    ? '户口簿、出生医学证明、不动产权证书（或房屋产权证明）'
    : '户口簿、出生医学证明、不动产权证书（或房屋产权证明）、小学学籍证明';
}

/** The 申报须知 per school type for a district and stage (4–6 points each). */
export function registrationNotes(district: District, stage: Stage): Partial<Record<SchoolType, string[]>> {
  const child = stage === 'primary' ? '适龄儿童' : '适龄少年';
  const entry = stage === 'primary' ? '一年级' : '七年级';
  const name = district.name;

  return {
    publicTight: [
      `申报对象：本人户籍、父母（或其他法定监护人）户籍和合法房产三者一致，且均在该校服务范围内（“三对口”）的${child}。公办学位紧张学校按户籍迁入时间、房产取得时间等顺序安排${entry}学位，具体以${name}公布的学校服务范围为准。`,
      `需准备材料：${baseMaterials(stage)}；系统已通过部门数据共享核验通过的项目无需重复上传，户籍或房产核验未通过的，请上传对应佐证材料，不影响正常申报。`,
      '不动产权利人或户主不是申请的同一监护人的，需补充提交婚姻证明、出生医学证明或户口簿等监护关系佐证材料。',
      NO_DOUBLE,
      timing(district),
      review(district),
    ],
    publicNormal: [
      `申报对象：户籍和房产在该校服务范围内的${child}；符合${name}随迁子女入学条件（持有效居住证并按规定缴纳社会保险或稳定务工）的${child}；经评估适宜随班就读的残疾儿童少年。`,
      `需准备材料：${baseMaterials(stage)}；随迁子女另需居住证和社保缴纳或务工证明，残疾儿童少年另需残疾人证或入学评估意见。`,
      `学位不足时，由${name}教育行政部门在就近学校统筹安排，保障每一名符合条件的${child}有学可上。`,
      NO_DOUBLE,
      timing(district),
      review(district),
    ],
    converted: [
      `“民转公”学校已转为公办学校，按公办学校“划片招生、就近入学”的办法录取，不收取学费，不组织摇号。`,
      `申报对象：户籍和房产在该校服务范围内的${child}，以及由${name}教育行政部门统筹安排到该校的随迁子女。`,
      `需准备材料：${baseMaterials(stage)}；核验已通过的项目无需重复上传。原民办时期的住宿、校车等安排以学校公告为准。`,
      NO_DOUBLE,
      timing(district),
    ],
    private: [
      '申报对象：符合学校招生简章条件的适龄儿童少年。报名前请仔细阅读招生简章，特别是招生计划类型及其条件、收费标准。',
      `民办学校网上报名时间为6月17日至6月19日；报名人数小于或等于招生计划数的直接全部录取，超过招生计划数的，由${name}教育行政部门于6月20日统一组织电脑随机摇号。报名先后不影响录取结果。`,
      '被民办学校录取（含直接录取和摇号录取）的学生，须在6月20日18:00前登录系统完成入学确认；逾期未确认的，视为自动放弃。',
      NO_DOUBLE,
      '未被民办学校录取或放弃录取的学生，可于6月21日至6月29日回到公办录取体系网上报名，由公办学校兜底保障入学。',
      `需准备材料：户口簿、出生医学证明${stage === 'junior' ? '、小学学籍证明' : ''}；随迁子女另需居住证。`,
    ],
  };
}

/**
 * Simulated face-login identities of the mock host (Q4, Q13). QA picks the next face with
 * `POST /__qa/identity { id }`; the mock then answers child discovery and data sharing from here.
 *
 * FICTITIOUS PEOPLE: names are ordinary, ID numbers are valid GB 11643 numbers (correct area code,
 * birth date and ISO 7064 MOD 11-2 check character) invented for testing, phone numbers are
 * invented. Entry year 2024: 幼升小 children born 2017-09-01..2018-08-31, 小升初 children born
 * around 2011-09-01..2012-08-31.
 */
import type { DataKind, VerificationStatus } from '@contract/child';
import type { StudentSource } from '@contract/materials';

export interface BirthRecordChild {
  key: string;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  bornInChongqing: boolean;
  disabled?: boolean;
}

export interface HostIdentity {
  /** e.g. 'two-children' */
  id: string;
  /** Chinese label for the QA face sheet. */
  label: string;
  /** Chinese: what QA can test with it. */
  description: string;
  parent: {
    name: string;
    idNumber: string;
    phone: string;
    relationshipToChildren: 'father' | 'mother' | 'grandparent' | 'otherGuardian';
  };
  spouse?: { name: string; idNumber: string };
  /** Found by face login through shared birth records (only Chongqing-born children). */
  birthRecordChildren: BirthRecordChild[];
  /** A child QA adds by hand (手动新增). */
  manualChildHint?: { name: string; idNumber: string; birthDate: string };
  /** Answers of the shared data per kind; kinds not listed are 'notChecked'. */
  dataSharing: Partial<Record<DataKind, VerificationStatus>>;
  propertyOwner: 'self' | 'spouse' | 'none';
  householdHeadIsOtherGuardian: boolean;
  defaultSource: StudentSource;
  defaultDistrictCode: string;
}

/** The two children of identity 'two-children'; the anti-abuse account tries to add the first. */
const wangZihan: BirthRecordChild = {
  key: 'two-children-primary',
  name: '王子涵',
  idNumber: '50011220180312004X',
  birthDate: '2018-03-12',
  sex: 'female',
  bornInChongqing: true,
};
const wangHaoyu: BirthRecordChild = {
  key: 'two-children-junior',
  name: '王浩宇',
  idNumber: '500112201205200031',
  birthDate: '2012-05-20',
  sex: 'male',
  bornInChongqing: true,
};

export const identities: HostIdentity[] = [
  {
    id: 'two-children',
    label: '李娜（两个重庆出生的子女）',
    description:
      '渝北区本地户籍家庭，刷脸后自动找到两个子女：王子涵（幼升小）和王浩宇（小升初）。户籍、婚姻、房产、出生医学证明全部核验通过，可走通公办“三对口”或民办报名的完整流程，也可测试修改子女真实姓名。',
    parent: { name: '李娜', idNumber: '500112198703154627', phone: '13883216574', relationshipToChildren: 'mother' },
    spouse: { name: '王磊', idNumber: '500112198608223014' },
    birthRecordChildren: [wangZihan, wangHaoyu],
    dataSharing: {
      householdRegister: 'matched',
      marriage: 'matched',
      property: 'matched',
      birthCertificate: 'matched',
      socialInsurance: 'matched',
      schoolRoll: 'matched',
    },
    propertyOwner: 'self',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'localHukou',
    defaultDistrictCode: '500112',
  },
  {
    id: 'born-outside',
    label: '张伟（子女在四川出生，需手动新增）',
    description:
      '子女在成都出生，刷脸查不到出生记录，需要“手动新增”张一诺（身份证号为四川 510104 开头）。可测试手动新增的身份证校验、年龄校验，以及外省出生医学证明需上传佐证材料。',
    parent: { name: '张伟', idNumber: '510104198506112016', phone: '13996382015', relationshipToChildren: 'father' },
    spouse: { name: '刘芳', idNumber: '510104198702033024' },
    birthRecordChildren: [],
    manualChildHint: { name: '张一诺', idNumber: '510104201711080038', birthDate: '2017-11-08' },
    dataSharing: {
      householdRegister: 'matched',
      marriage: 'matched',
      property: 'matched',
      birthCertificate: 'notMatched',
    },
    propertyOwner: 'self',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'localHukou',
    defaultDistrictCode: '500106',
  },
  {
    id: 'spouse-owner',
    label: '陈静（房产登记在配偶名下）',
    description:
      '九龙坡区家庭，房产核验通过但权利人是配偶刘强，户主也是配偶。可测试“不动产权利人与户主不是同一监护人”时要求补充婚姻证明、户口簿等监护关系佐证材料。',
    parent: { name: '陈静', idNumber: '500107198809170026', phone: '15823047719', relationshipToChildren: 'mother' },
    spouse: { name: '刘强', idNumber: '500107198504090033' },
    birthRecordChildren: [
      {
        key: 'spouse-owner-primary',
        name: '刘思彤',
        idNumber: '500107201712050065',
        birthDate: '2017-12-05',
        sex: 'female',
        bornInChongqing: true,
      },
    ],
    dataSharing: {
      householdRegister: 'matched',
      marriage: 'matched',
      property: 'matched',
      birthCertificate: 'matched',
    },
    propertyOwner: 'spouse',
    householdHeadIsOtherGuardian: true,
    defaultSource: 'localHukou',
    defaultDistrictCode: '500107',
  },
  {
    id: 'migrant',
    label: '赵军（随迁子女家庭，持居住证）',
    description:
      '四川广安户籍、在南岸区务工的家庭，子女赵梓萱在重庆出生。重庆户籍核验不通过，居住证和社保核验通过，租房居住。可测试随迁子女生源类型所需的居住证、务工证明和租房材料。',
    parent: { name: '赵军', idNumber: '511602198607260013', phone: '18723156408', relationshipToChildren: 'father' },
    spouse: { name: '杨丽', idNumber: '511602198801120022' },
    birthRecordChildren: [
      {
        key: 'migrant-primary',
        name: '赵梓萱',
        idNumber: '511602201801220028',
        birthDate: '2018-01-22',
        sex: 'female',
        bornInChongqing: true,
      },
    ],
    dataSharing: {
      householdRegister: 'notMatched',
      residencePermit: 'matched',
      socialInsurance: 'matched',
      marriage: 'matched',
      property: 'notMatched',
      rentalRecord: 'matched',
      birthCertificate: 'matched',
    },
    propertyOwner: 'none',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'migrant',
    defaultDistrictCode: '500108',
  },
  {
    id: 'property-fails',
    label: '周敏（户籍匹配，房产核验失败）',
    description:
      '渝中区户籍家庭，户籍核验通过但房产核验不通过。可测试核验失败不阻止报名、改为上传房屋产权证明等佐证材料，以及审核人员发起补正。',
    parent: { name: '周敏', idNumber: '500103198905300024', phone: '13708316652', relationshipToChildren: 'mother' },
    spouse: { name: '吴刚', idNumber: '500103198702140016' },
    birthRecordChildren: [
      {
        key: 'property-fails-primary',
        name: '吴俊熙',
        idNumber: '500103201710150016',
        birthDate: '2017-10-15',
        sex: 'male',
        bornInChongqing: true,
      },
    ],
    dataSharing: {
      householdRegister: 'matched',
      marriage: 'matched',
      property: 'notMatched',
      birthCertificate: 'matched',
    },
    propertyOwner: 'self',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'localHukou',
    defaultDistrictCode: '500103',
  },
  {
    id: 'disabled-child',
    label: '孙丽（残疾儿童少年，绿色通道）',
    description:
      '北碚区家庭，子女黄子轩为小升初适龄残疾少年，残疾人证核验通过。可测试“绿色通道”报名、残疾儿童少年生源类型及评估意见材料。',
    parent: { name: '孙丽', idNumber: '500109198109060021', phone: '13594027136', relationshipToChildren: 'mother' },
    spouse: { name: '黄建国', idNumber: '500109197911250012' },
    birthRecordChildren: [
      {
        key: 'disabled-child-junior',
        name: '黄子轩',
        idNumber: '500109201112030012',
        birthDate: '2011-12-03',
        sex: 'male',
        bornInChongqing: true,
        disabled: true,
      },
    ],
    dataSharing: {
      householdRegister: 'matched',
      marriage: 'matched',
      property: 'matched',
      birthCertificate: 'matched',
      disability: 'matched',
      schoolRoll: 'matched',
    },
    propertyOwner: 'self',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'disabled',
    defaultDistrictCode: '500109',
  },
  {
    id: 'anti-abuse',
    label: '马超（尝试为他人子女报名）',
    description:
      '本人有一个子女马一鸣，但会尝试“手动新增”另一家庭的孩子王子涵（李娜之女）。系统应拒绝并提示“不是您的子女”，用于测试防范恶意代办帮办。',
    parent: { name: '马超', idNumber: '500105198304040012', phone: '17783290541', relationshipToChildren: 'father' },
    birthRecordChildren: [
      {
        key: 'anti-abuse-primary',
        name: '马一鸣',
        idNumber: '500112201806180013',
        birthDate: '2018-06-18',
        sex: 'male',
        bornInChongqing: true,
      },
    ],
    manualChildHint: { name: wangZihan.name, idNumber: wangZihan.idNumber, birthDate: wangZihan.birthDate },
    dataSharing: {
      householdRegister: 'matched',
      property: 'matched',
      birthCertificate: 'matched',
    },
    propertyOwner: 'self',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'localHukou',
    defaultDistrictCode: '500112',
  },
  {
    id: 'source-unavailable',
    label: '郑洁（部分数据源暂不可用）',
    description:
      '江津区家庭，户籍和房产数据源暂时无法返回结果（unavailable），婚姻和出生医学证明核验通过。可测试“数据暂不可用”标签提示和改为上传佐证材料。',
    parent: { name: '郑洁', idNumber: '500116199008190028', phone: '15123368870', relationshipToChildren: 'mother' },
    spouse: { name: '何勇', idNumber: '500116198810030019' },
    birthRecordChildren: [
      {
        key: 'source-unavailable-primary',
        name: '何雨桐',
        idNumber: '500116201802270025',
        birthDate: '2018-02-27',
        sex: 'female',
        bornInChongqing: true,
      },
    ],
    dataSharing: {
      householdRegister: 'unavailable',
      property: 'unavailable',
      socialInsurance: 'unavailable',
      marriage: 'matched',
      birthCertificate: 'matched',
    },
    propertyOwner: 'self',
    householdHeadIsOtherGuardian: false,
    defaultSource: 'localHukou',
    defaultDistrictCode: '500116',
  },
];

export const defaultIdentityId = 'two-children';

/** The identity with this id, if any. */
export function findIdentity(id: string): HostIdentity | undefined {
  return identities.find((i) => i.id === id);
}

/** The seeded citizen with this ID number (a parent or a spouse), for the simulated departments. */
export function identityByIdNumber(idNumber: string): HostIdentity | undefined {
  return identities.find((i) => i.parent.idNumber === idNumber || i.spouse?.idNumber === idNumber);
}

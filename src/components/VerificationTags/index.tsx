import { View, Text } from '@tarojs/components';
import type { DataKind, VerificationResult } from '@contract/child';
import { VerificationTag } from '../VerificationTag';
import './index.css';

/** Names of the shared data kinds (Q6) as parents know them. */
export const DATA_KIND_NAMES: Record<DataKind, string> = {
  householdRegister: '户籍',
  residencePermit: '居住证',
  marriage: '婚姻',
  property: '不动产',
  birthCertificate: '出生医学证明',
  socialInsurance: '社保',
  businessLicense: '营业执照',
  disability: '残疾人证',
  militaryFamily: '军人家庭',
  housingProvident: '公积金',
  rentalRecord: '租赁备案',
  schoolRoll: '学籍',
  deathOrGuardianship: '监护关系',
};

interface Props {
  results: VerificationResult[];
}

/** 标签提示 (Q6, Q23): one row per shared data kind with its tag (VerificationTag), the department and its message. */
export function VerificationTags({ results }: Props) {
  if (results.length === 0) return <View className='muted'>暂无数据比对结果</View>;
  return (
    <View className='vtags' role='list' aria-label='数据比对结果'>
      {results.map((r) => (
        <View key={r.kind} className='vtag-row' role='listitem'>
          <View className='vtag-head'>
            <Text className='vtag-kind'>{DATA_KIND_NAMES[r.kind]}</Text>
            <VerificationTag status={r.status} subject={DATA_KIND_NAMES[r.kind]} />
          </View>
          <View className='muted'>{`${r.source}：${r.message}`}</View>
        </View>
      ))}
    </View>
  );
}

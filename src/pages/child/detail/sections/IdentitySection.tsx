import { View, Text } from '@tarojs/components';
import type { Child } from '@contract/child';
import { MaskedValue } from '@/components/MaskedValue';
import { eligibilityText, RELATIONSHIP_NAMES } from '@/domain/labels';

const cnDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export interface IdentitySectionProps {
  child: Child;
  /** The name the page calls the child by (the 户口簿 name once given). */
  name: string;
  /** The 户口簿 name differs from the certificate's, so it gets its own row. */
  showRealName: boolean;
  /** Fetches the full ID number on 显示; null = could not. */
  onReveal: () => Promise<string | null>;
}

/** The child as the records have it: names, ID number (masked), birth date, eligibility, 绿色通道. */
export function IdentitySection({ child, name, showRealName, onReveal }: IdentitySectionProps) {
  const eligibility = eligibilityText(child);
  return (
    <View className='card detail-card'>
      <View className='detail-name'>{name}</View>
      <View className='detail-rows'>
        <View className='detail-row'>
          <Text className='detail-key'>出生医学证明姓名</Text>
          <Text>{child.birthCertificateName}</Text>
        </View>
        {showRealName ? (
          <View className='detail-row'>
            <Text className='detail-key'>户口簿姓名</Text>
            <Text data-testid='real-name'>{child.realName}</Text>
          </View>
        ) : null}
        <View className='detail-row'>
          <MaskedValue label='身份证件号码' masked={child.idNumberMasked} reveal={onReveal} />
        </View>
        <View className='detail-row'>
          <Text className='detail-key'>出生日期</Text>
          <Text>{cnDate(child.birthDate)}</Text>
        </View>
        <View className='detail-row'>
          <Text className='detail-key'>性别 · 关系</Text>
          <Text>{`${child.sex === 'female' ? '女' : '男'} · ${RELATIONSHIP_NAMES[child.relationship]}`}</Text>
        </View>
        <View className='detail-row'>
          <Text className='detail-key'>来源</Text>
          <Text>{child.source === 'birthRecord' ? '出生医学证明共享数据' : '家长手动新增'}</Text>
        </View>
      </View>
      <View className={`detail-eligibility ${eligibility.ok ? 'detail-ok' : 'detail-warn'}`} data-testid='eligibility'>
        {eligibility.ok ? `✓ ${eligibility.text}` : eligibility.text}
      </View>
      {child.greenChannel ? <Text className='tag tag-info'>绿色通道：可优先办理</Text> : null}
    </View>
  );
}

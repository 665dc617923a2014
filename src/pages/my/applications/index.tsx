import { GREEN_CHANNEL_TAG } from '@/domain/greenChannel';
import { View, Text } from '@tarojs/components';
import { useEffect } from 'react';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { HelpLinks } from '@/components/HelpLinks';
import { LoadError } from '@/components/LoadError';
import { STATUS_INFO } from '@/domain/status';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { navigation } from '@/services/navigation';
import { useApplicationsStore } from '@/stores/applications';
import './index.css';
import { routes } from '@/config/routes';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

const TONE_TAG = { default: 'tag-muted', primary: 'tag-info', success: 'tag-ok', warning: 'tag-warn', danger: 'tag-error' } as const;

/** 我的申请: every application with its status; tap for 办件详情. */
export default function Applications() {
  const { list, loading, error, load } = useApplicationsStore();
  useEffect(() => void load(), [load]);

  return (
    <Page title='我的申请'>
      {error ? (
        <LoadError title='暂时无法获取申请' error={error} onRetry={() => void load()} />
      ) : null}
      {loading && list.length === 0 ? <View className='muted' role='status'>正在加载…</View> : null}
      {!loading && !error && list.length === 0 ? (
        <View className='card'>
          <View className='card-title'>还没有申请</View>
          <View className='muted'>报名时间内，可从首页进入“幼升小在线申报”或“小升初在线申报”。</View>
          <Button variant='primary' onPress={() => void navigation.home()}>
            返回首页
          </Button>
        </View>
      ) : null}
      {list.map((a) => {
        const info = STATUS_INFO[a.status];
        return (
          <Button key={a.id} variant='plain' className='card apps-item' aria-label={`${a.schoolName}，${info.label}${a.greenChannel ? `，${GREEN_CHANNEL_TAG}` : ''}`} onPress={() => void navigation.to(routes.application(a.id))}>
            <View className='row'>
              <Text className='apps-school'>{a.schoolName}</Text>
              <Text className={`tag ${TONE_TAG[info.tone]}`}>{info.label}</Text>
            </View>
            {a.greenChannel ? <Text className='tag tag-info' data-testid='green-channel'>{GREEN_CHANNEL_TAG}</Text> : null}
            <View className='muted'>{`${a.childNameMasked} · ${a.stage === 'primary' ? '幼升小' : '小升初'} · ${a.nature === 'private' ? '民办' : '公办'}`}</View>
            <View className='muted'>{`办件编号 ${a.number} · 更新于 ${formatMonthDayTime(toMs(a.updatedAt))}`}</View>
          </Button>
        );
      })}
      <HelpLinks />
    </Page>
  );
}

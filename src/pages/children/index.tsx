import { View, Text } from '@tarojs/components';
import { useEffect } from 'react';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { LoadError } from '@/components/LoadError';
import { HelpLinks } from '@/components/HelpLinks';
import { StepBar, JOURNEY_STEPS } from '@/components/StepBar';
import { useJourneyDone } from '@/stores/journey';
import { useChildrenStore, displayName } from '@/stores/children';
import { useSessionStore } from '@/stores/session';
import { useDistrictStore } from '@/stores/district';
import { navigation, useReturnTo } from '@/services/navigation';
import { eligibilityText, RELATIONSHIP_NAMES, returnLabel } from '@/domain/labels';
import './index.css';
import { routes } from '@/config/routes';

/** 我的子女 (Q13): children found through Chongqing birth records, and 手动新增. */
export default function Children() {
  const journeyDone = useJourneyDone();
  const { children, loaded, loading, error, load } = useChildrenStore();
  const { session, restored, restore } = useSessionStore();
  const { load: loadDistricts } = useDistrictStore();
  const district = useDistrictStore((s) => s.districts.find((d) => d.code === s.currentCode) ?? null);
  // Opened from a flow (申报): a way straight back, and 手动新增 returns there too.
  const from = useReturnTo();

  useEffect(() => {
    void restore().then(() => {
      if (useSessionStore.getState().session) void load(true);
    });
    void loadDistricts();
    // A login from here comes back to this page still open: the children are looked up then.
  }, [restore, load, loadDistricts, session?.token]);

  if (restored && !session) {
    return (
      <Page title='我的子女'>
        <NoticeBanner tone='info' title='请先刷脸登录'>
          <Text>刷脸核验家长身份后，系统会自动查找您在重庆出生的适龄子女。</Text>
          <Button variant='primary' onPress={() => void navigation.to(routes.login({ page: 'children' }))}>
            去刷脸登录
          </Button>
        </NoticeBanner>
      </Page>
    );
  }

  return (
    <Page title='我的子女'>
      <StepBar steps={JOURNEY_STEPS} current={2} done={journeyDone} />
      <NoticeBanner tone='info' title='只能自动查到在重庆出生的子女'>
        <Text>系统通过出生医学证明共享数据查找子女。孩子在外省市出生、或没有查到的，请点“手动新增”。</Text>
      </NoticeBanner>
      {!district ? (
        <View className='card children-district'>
          <Text>尚未选择当前区域。</Text>
          <Button variant='link' onPress={() => void navigation.to(routes.district())}>
            去选择孩子9月就读的区县
          </Button>
        </View>
      ) : (
        <View className='muted children-district-line'>{`当前区域：${district.name}`}</View>
      )}

      {loading && !loaded ? (
        <View className='card muted' role='status'>
          正在查找您的子女…
        </View>
      ) : null}
      {error ? (
        <LoadError title='暂时无法获取子女信息' error={error} onRetry={() => void load(true)} />
      ) : null}
      {loaded && children.length === 0 ? (
        <View className='card'>
          <View className='card-title'>没有查到您的子女</View>
          <View className='muted'>可能是孩子不在重庆出生，或出生医学证明信息尚未共享。请手动新增。</View>
        </View>
      ) : null}

      {children.map((child) => {
        const eligibility = eligibilityText(child);
        return (
          <View key={child.id} className='card child-card' data-testid='child-card' data-child-id={child.id}>
            <View className='row'>
              <View className='child-name'>{displayName(child)}</View>
              <Text className={`tag ${child.source === 'birthRecord' ? 'tag-ok' : 'tag-info'}`}>{child.source === 'birthRecord' ? '✓ 出生记录查得' : '手动新增'}</Text>
            </View>
            {child.realName && child.realName !== child.birthCertificateName ? (
              <View className='muted'>{`出生医学证明姓名：${child.birthCertificateName}`}</View>
            ) : null}
            <View className='muted'>{`证件号码：${child.idNumberMasked} · ${RELATIONSHIP_NAMES[child.relationship]}`}</View>
            <View className={`child-eligibility ${eligibility.ok ? 'child-eligible' : 'child-not-eligible'}`}>{eligibility.text}</View>
            {child.greenChannel ? <Text className='tag tag-info'>绿色通道</Text> : null}
            <View className='child-actions'>
              <Button variant='primary' aria-label={`查看${displayName(child)}的详情`} onPress={() => void navigation.to(routes.childDetail(child.id))}>
                详情与信息维护
              </Button>
            </View>
          </View>
        );
      })}

      <Button className='children-add' onPress={() => void navigation.to(routes.childAdd(from ?? undefined))}>
        ＋ 手动新增子女
      </Button>
      {from ? (
        <Button variant='primary' onPress={() => void navigation.returnTo(from)}>
          {returnLabel(from.page)}
        </Button>
      ) : null}
      <HelpLinks />
    </Page>
  );
}

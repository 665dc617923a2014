import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { StepBar, JOURNEY_STEPS } from '@/components/StepBar';
import { useJourneyDone } from '@/stores/journey';
import { useSessionStore } from '@/stores/session';
import { login, type LoginFailure } from '@/stores/login';
import { useDistrictStore } from '@/stores/district';
import { host } from '@/services/host';
import { navigation, useReturnTo } from '@/services/navigation';
import './index.css';
import { pageOf, routes } from '@/config/routes';
import { hostName } from '@/config';


interface FailureView {
  title: string;
  detail: string;
  /** Face verification cannot work in this host: offer the phone and offline points instead. */
  offline?: boolean;
}

function describe(failure: LoginFailure): FailureView {
  if (failure.kind === 'api') return { title: '登录未成功', detail: failure.error.message };
  switch (failure.reason) {
    case 'cancelled':
      return { title: '您已取消刷脸', detail: '您已取消刷脸，未完成身份核验。刷脸只用于确认您是孩子的监护人，本服务不会获取或保存您的照片。准备好后请点“重新刷脸”。' };
    case 'unavailable':
      return {
        title: '当前应用暂不支持刷脸',
        detail: `您使用的应用版本暂时无法进行刷脸核验。请将${hostName()}更新到最新版本后重试；也可以拨打所在区县的招生咨询电话，或到线下报名点办理。`,
        offline: true,
      };
    case 'network':
    case 'timeout':
      return { title: '网络连接不稳定', detail: '刷脸核验时网络中断，请检查网络后点“重新刷脸”。' };
    case 'failed':
    default:
      return { title: '刷脸核验未通过', detail: '请在光线充足的地方，摘下帽子、口罩和眼镜，正对屏幕后重新刷脸。多次未通过可拨打咨询电话或到线下报名点办理。', offline: true };
  }
}

/** 刷脸登录 (Q4, Q7): face verification by the host, ticket exchanged for a session. */
export default function Login() {
  const journeyDone = useJourneyDone();
  const { session, expiredNotice, restore } = useSessionStore();
  const { load: loadDistricts } = useDistrictStore();
  const district = useDistrictStore((s) => s.districts.find((d) => d.code === s.currentCode) ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureView | null>(null);
  // Where the parent came from (a typed returnTo), else the page an expired session left, else 我的子女.
  const from = useReturnTo();
  const goOn = () => {
    const expired = useSessionStore.getState().takeReturnTo();
    if (from) void navigation.returnTo(from);
    // The page an expired session left (kept on the device): only ever one of the module's own pages.
    else void navigation.replace(expired && pageOf(expired) ? expired : routes.children());
  };

  useEffect(() => {
    void restore();
  }, [restore]);

  const start = async () => {
    setBusy(true);
    setFailure(null);
    const result = await login();
    setBusy(false);
    if (result.ok) return goOn();
    const view = describe(result.failure);
    setFailure(view);
    if (view.offline) void loadDistricts();
  };

  return (
    <Page title='刷脸登录'>
      <StepBar steps={JOURNEY_STEPS} current={0} done={journeyDone} />
      {expiredNotice ? (
        <NoticeBanner tone='warn' title='登录已过期，请重新刷脸'>
          <Text>为保护您和孩子的信息，登录一段时间后需要重新核验。您填写的内容已保存，刷脸后将回到刚才的页面。</Text>
        </NoticeBanner>
      ) : null}

      <View className='card login-card'>
        <View className='login-icon' aria-hidden>
          ☺
        </View>
        <View className='card-title'>用刷脸核验家长身份</View>
        <View className='login-steps'>
          <View>{`1. 点击下方“开始刷脸”，${hostName()}会打开刷脸核验。`}</View>
          <View>2. 正对手机屏幕，按提示完成核验（约 10 秒）。</View>
          <View>3. 核验通过后，系统自动查找您在重庆出生的适龄子女。</View>
        </View>
        <View className='muted'>{`本服务只接收${hostName()}返回的核验结果，不会获取或保存您的人脸照片。`}</View>
        {session && !failure ? (
          <Button variant='primary' onPress={goOn}>
            已登录，继续办理
          </Button>
        ) : (
          <Button variant='primary' busy={busy} onPress={() => void start()}>
            {busy ? '正在核验…' : failure ? '重新刷脸' : '开始刷脸'}
          </Button>
        )}
      </View>

      {failure ? (
        <NoticeBanner tone='error' title={failure.title} urgent>
          <Text>{failure.detail}</Text>
        </NoticeBanner>
      ) : null}

      {failure?.offline ? (
        <View className='card' data-testid='offline-help'>
          <View className='card-title'>联系我们 · 线下办理</View>
          {district ? (
            <>
              <View className='row'>
                <Text>{`${district.name}招生咨询电话：${district.consultationPhone}`}</Text>
                <Button className='btn-inline' aria-label={`拨打${district.name}招生咨询电话`} onPress={() => void host.makePhoneCall(district.consultationPhone)}>
                  拨打
                </Button>
              </View>
              <View className='login-points-title'>线下报名点（无法刷脸时可现场办理）</View>
              {district.offlinePoints.map((p) => (
                <View key={p.name} className='list-item login-point'>
                  <View>
                    <View className='login-point-name'>{p.name}</View>
                    <View className='muted'>{`${p.address} · ${p.hours}`}</View>
                  </View>
                </View>
              ))}
            </>
          ) : (
            <View>
              <View className='muted'>请先选择孩子9月就读学校所在的区县，查看该区县的咨询电话和线下报名点。</View>
              <Button onPress={() => void navigation.to(routes.district())}>
                选择区县，查看咨询电话
              </Button>
            </View>
          )}
        </View>
      ) : null}
      <HelpLinks />
    </Page>
  );
}

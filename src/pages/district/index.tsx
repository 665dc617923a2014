import { View, Text } from '@tarojs/components';
import { Input } from '@/components/native/Input';
import { useEffect, useMemo, useState } from 'react';
import { batchOf, periodText } from '@/domain/calendar';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { StepBar, JOURNEY_STEPS } from '@/components/StepBar';
import { useJourneyDone } from '@/stores/journey';
import { useDistrictStore } from '@/stores/district';
import { useClockStore } from '@/stores/clock';
import { host } from '@/services/host';
import { navigation, useReturnTo } from '@/services/navigation';
import { returnLabel } from '@/domain/labels';
import { useRoving } from '@/components/roving';
import './index.css';
import { routes } from '@/config/routes';

/** 当前区域 (Q12): the district of the school the child attends in September. */
export default function District() {
  const journeyDone = useJourneyDone();
  const { districts, currentCode, loading, error, load, choose } = useDistrictStore();
  const { calendar, load: loadCalendar } = useClockStore();
  const [query, setQuery] = useState('');
  const [policyOpen, setPolicyOpen] = useState(false);
  const [callError, setCallError] = useState<string | null>(null);
  // Opened from a flow (申报): done leads back there, not on to 我的子女.
  const from = useReturnTo();

  useEffect(() => {
    void load();
    void loadCalendar();
  }, [load, loadCalendar]);

  const current = districts.find((d) => d.code === currentCode) ?? null;
  const batch = calendar && current ? batchOf(calendar, current.code) : null;
  const shown = useMemo(() => {
    const q = query.trim();
    return q ? districts.filter((d) => d.name.includes(q)) : districts;
  }, [districts, query]);
  // Arrow keys move the choice through the list, as native radios (one stop in the tab order).
  const roving = useRoving(shown.length, shown.findIndex((d) => d.code === currentCode), (i) => {
    void choose(shown[i].code);
    setPolicyOpen(false);
  });

  const call = async (phone: string) => {
    setCallError(null);
    const answer = await host.makePhoneCall(phone);
    if (!answer.ok && answer.error.kind !== 'cancelled') setCallError(`无法直接拨打，请手动拨打 ${phone}`);
  };

  return (
    <Page title='选择当前区域'>
      <StepBar steps={JOURNEY_STEPS} current={1} done={journeyDone} />
      <NoticeBanner tone='info' title='请选择孩子9月就读学校所在的区县'>
        <Text>当前区域是孩子今年秋季入学所在的区县，不是孩子现在读书的地方。例如：在长寿区读六年级、初中打算回渝北区就读的，选择渝北区。</Text>
      </NoticeBanner>

      {current ? (
        <View className='card district-current' data-testid='district-current'>
          <View className='muted'>当前区域</View>
          <View className='district-current-name'>{current.name}</View>
          {batch ? (
            <View className='district-windows'>
              <View className='district-window'>
                <Text className='district-window-label'>子女信息维护</Text>
                <Text>{periodText(calendar!, batch.upkeep, 'upkeep')}</Text>
              </View>
              <View className='district-window'>
                <Text className='district-window-label'>网上报名</Text>
                <Text>{periodText(calendar!, batch.registration)}</Text>
              </View>
              <View className='muted'>{`本区县为第 ${batch.batch} 批开放。在开放时间内，报名先后不影响录取结果，请不必赶在第一天办理。`}</View>
            </View>
          ) : null}
          <View className='district-actions'>
            <Button aria-expanded={policyOpen} onPress={() => setPolicyOpen(!policyOpen)}>
              {policyOpen ? '收起政策' : '政策查看'}
            </Button>
            <Button aria-label={`联系我们：拨打${current.name}招生咨询电话 ${current.consultationPhone}`} onPress={() => void call(current.consultationPhone)}>
              {`联系我们 ☎ ${current.consultationPhone}`}
            </Button>
          </View>
          {callError ? (
            <View className='field-error' role='alert'>
              {callError}
            </View>
          ) : null}
          {policyOpen ? (
            <View className='district-policy' data-testid='district-policy'>
              {current.policy.map((para, i) => (
                <View key={i} className='district-policy-para'>
                  {para}
                </View>
              ))}
              {current.offlinePoints.length ? <View className='district-policy-sub'>线下报名点</View> : null}
              {current.offlinePoints.map((p) => (
                <View key={p.name} className='muted'>{`${p.name}：${p.address}（${p.hours}，电话 ${p.phone}）`}</View>
              ))}
            </View>
          ) : null}
          {from ? (
            <Button variant='primary' onPress={() => void navigation.returnTo(from)}>
              {returnLabel(from.page)}
            </Button>
          ) : (
            <Button variant='primary' onPress={() => void navigation.to(routes.children())}>
              下一步：我的子女
            </Button>
          )}
        </View>
      ) : null}

      <View className='card'>
        <View className='field'>
          <Text id='district-search-label' className='field-label'>
            搜索区县
          </Text>
          <Input
            className='field-input'
            value={query}
            placeholder='输入区县名称，如“渝北”'
            role='group'
            aria-labelledby='district-search-label'
            nativeProps={{ 'aria-labelledby': 'district-search-label', 'aria-label': '搜索区县' }}
            onInput={(e) => setQuery(String(e.detail.value ?? ''))}
          />
        </View>
        {loading && !districts.length ? (
          <View className='muted' role='status'>
            正在加载区县列表…
          </View>
        ) : null}
        {error ? (
          <NoticeBanner tone='error' title='暂时无法获取区县列表' urgent>
            <Text>{error.reopensAt ? error.message : `${error.message}`}</Text>
            <Button onPress={() => void load()}>
              重新加载
            </Button>
          </NoticeBanner>
        ) : null}
        {districts.length && !shown.length ? <View className='muted'>{`没有找到“${query.trim()}”，请换个关键字`}</View> : null}
        <View role='radiogroup' aria-label='区县列表' className='district-list'>
          {shown.map((d, i) => (
            <View
              key={d.code}
              ref={roving.ref(i)}
              role='radio'
              tabIndex={roving.tabIndex(i)}
              onKeyDown={roving.onKeyDown(i)}
              aria-checked={d.code === currentCode}
              className={`list-item district-item${d.code === currentCode ? ' district-item-on' : ''}`}
              onClick={() => {
                void choose(d.code);
                setPolicyOpen(false);
              }}
            >
              <Text>{d.name}</Text>
              <Text className={d.code === currentCode ? 'district-check' : 'muted'}>{d.code === currentCode ? '✓ 已选择' : '选择'}</Text>
            </View>
          ))}
        </View>
      </View>
    </Page>
  );
}

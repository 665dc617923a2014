import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { LoadError } from '@/components/LoadError';
import { Tabs } from '@/components/Tabs';
import { host } from '@/services/host';
import { useDistrictStore } from '@/stores/district';
import { navigation, usePageParams } from '@/services/navigation';
import './index.css';
import { routes } from '@/config/routes';

type Tab = 'policy' | 'contact';

/** 政策查看 and 联系我们 for the parent's 当前区域 (Q2, Q28–Q30), one tap from every step. */
export default function Help() {
  const params = usePageParams();
  const [tab, setTab] = useState<Tab>(params.tab === 'contact' ? 'contact' : 'policy');
  const { districts, loading, error, load } = useDistrictStore();
  const district = useDistrictStore((s) => s.districts.find((d) => d.code === s.currentCode) ?? null);
  const municipal = useDistrictStore((s) => s.municipalPolicy);
  const [callFailed, setCallFailed] = useState<string | null>(null);

  useEffect(() => {
    if (districts.length === 0) void load();
  }, [districts.length, load]);

  const call = async (phone: string) => {
    setCallFailed(null);
    const result = await host.makePhoneCall(phone);
    // A parent who cancels the dialler needs no message; anything else gets the number to dial by hand.
    if (!result.ok && result.error.kind !== 'cancelled') setCallFailed(phone);
  };

  return (
    <Page title='政策查看 · 联系我们'>
      <Tabs<Tab> label='帮助内容' tabs={[{ id: 'policy', title: '政策查看' }, { id: 'contact', title: '联系我们' }]} selected={tab} onSelect={setTab} />

      {error ? (
        <LoadError title='暂时无法获取区县信息' error={error} onRetry={() => void load()} />
      ) : null}
      {loading && !district ? <View className='muted' role='status'>正在加载…</View> : null}

      {!district && !loading ? (
        <View className='card'>
          <View className='card-title'>请先选择当前区域</View>
          <View className='muted'>当前区域是孩子9月将要就读学校所在的区县，不是现在就读的区县。选择后即可查看该区县的招生政策和咨询电话。</View>
          <Button variant='primary' onPress={() => void navigation.to(routes.district())}>
            选择当前区域
          </Button>
        </View>
      ) : null}

      {municipal && tab === 'policy' ? (
        <View className='card' data-testid='municipal-policy'>
          <View className='card-title'>{municipal.title}</View>
          <View className='muted'>{`发布单位：${municipal.issuer}`}</View>
          {municipal.paragraphs.map((p, i) => (
            <View key={i} className='help-paragraph'>
              {p}
            </View>
          ))}
        </View>
      ) : null}

      {district && tab === 'policy' ? (
        <View className='card' data-testid='policy'>
          <View className='card-title'>{`${district.name}义务教育招生政策`}</View>
          {district.policy.map((p, i) => (
            <View key={i} className='help-paragraph'>
              {p}
            </View>
          ))}
        </View>
      ) : null}

      {district && tab === 'contact' ? (
        <View data-testid='contact'>
          <View className='card'>
            <View className='card-title'>招生咨询电话</View>
            <View className='help-phone-row'>
              <Text className='help-phone'>{district.consultationPhone}</Text>
              <Button variant='primary' className='btn-inline' aria-label={`拨打${district.name}招生咨询电话`} onPress={() => void call(district.consultationPhone)}>
                拨打电话
              </Button>
            </View>
            <View className='muted'>{`${district.name}教育行政部门 · 工作日 9:00–12:00，14:00–17:30`}</View>
            {callFailed ? (
              <View className='field-error' role='alert'>{`当前环境无法直接拨号，请手动拨打 ${callFailed}`}</View>
            ) : null}
          </View>
          <View className='card'>
            <View className='card-title'>线下报名点</View>
            <View className='muted'>无法网上报名的家庭（如没有智能手机、房屋无产权证书等），可带齐材料到以下地点，由工作人员协助办理。</View>
            {district.offlinePoints.map((point) => (
              <View key={point.name} className='help-point'>
                <View className='help-point-name'>{point.name}</View>
                <View className='muted'>{`地址：${point.address}`}</View>
                <View className='muted'>{`时间：${point.hours}`}</View>
                <View className='row'>
                  <Text className='muted'>{`电话：${point.phone}`}</Text>
                  <Button variant='link' aria-label={`拨打${point.name}电话`} onPress={() => void call(point.phone)}>
                    拨打
                  </Button>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View className='card'>
        <View className='card-title'>绿色通道</View>
        <View className='help-paragraph'>
          残疾儿童少年、军人子女、烈士子女、引进人才子女等政策性照顾对象，可通过绿色通道办理：报名时选择对应的生源类型并上传证明材料，区县教育行政部门优先审核、统筹安排学位。残疾儿童少年可申请随班就读、特殊教育学校就读或送教上门，具体由区县残疾儿童少年入学评估确定。
        </View>
      </View>
      <View className='card'>
        <View className='card-title'>防范恶意代办帮办</View>
        <View className='help-paragraph'>
          入学报名只能由经刷脸核验的监护人本人为自己的子女办理。系统会核对监护关系，同一账号为无监护关系的儿童报名将被拦截。招生入学不收取任何费用，请勿相信任何“代报名”“保录取”“找关系”的说法，不要向他人透露刷脸验证、短信验证码等信息。如遇可疑情况，请拨打区县招生咨询电话核实。
        </View>
      </View>
      {/* The teachers' page had no way in: a school opens it here on its own device at check-in. */}
      <View className='card'>
        <View className='card-title'>学校老师</View>
        <View className='help-paragraph'>新生报到时，学校老师可在此核验家长出示的报到码，核验在本机离线完成。</View>
        <Button onPress={() => void navigation.to(routes.checkin())}>报到核验（学校老师使用）</Button>
      </View>
    </Page>
  );
}

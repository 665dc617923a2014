// First: qrcode and @noble/curves need TextEncoder as they load, which the mini-program logic layer lacks.
import '@/platform/polyfills';
import { View, Text } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ReportCode } from '@contract/reportCode';
import type { ApiError } from '@contract/errors';
import { Button } from '@/components/Button';
import { maskName } from '@/domain/masking';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { QrImage } from '@/components/QrImage';
import { HelpLinks } from '@/components/HelpLinks';
import { enrolment } from '@/services/enrolment';
import { usePageParams } from '@/services/navigation';
import { useSessionStore } from '@/stores/session';
import { formatMonthDayTime, toMs } from '@/domain/time';
import './index.css';

/** 我的子女 → 详情 → 报到码 (Q27): the signed code as a large QR code a teacher scans in September. */
export default function ReportCodePage() {
  const { childId } = usePageParams();
  const [code, setCode] = useState<ReportCode | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    if (!childId) return;
    setError(null);
    await useSessionStore.getState().restore();
    const answer = await enrolment.reportCode(childId);
    if (answer.ok) setCode(answer.data);
    else setError(answer.error);
  }, [childId]);

  useEffect(() => void load(), [load]);

  return (
    <Page title='报到码'>
      {!childId ? <NoticeBanner tone='error' title='没有指定子女，请从“我的子女”进入' urgent /> : null}
      {error ? (
        <NoticeBanner tone={error.code === 'NOT_FOUND' || error.code === 'INVALID_TRANSITION' ? 'info' : 'error'} title='暂时无法显示报到码' urgent>
          <Text>{error.message}</Text>
          <View className='muted'>报到码在完成入学确认、发放电子入学通知书后生成（7月20日前）。</View>
          <Button onPress={() => void load()}>
            重新加载
          </Button>
        </NoticeBanner>
      ) : null}
      {!code && !error && childId ? <View className='muted' role='status'>正在生成报到码…</View> : null}
      {code ? (
        <View className='card rc-card'>
          <View className='rc-school'>{code.payload.schoolName}</View>
          <View className='rc-year'>{`${code.payload.year}年秋季入学报到码`}</View>
          <View className='rc-qr'>
            <QrImage code={code.code} width={300} label={`报到码二维码，${maskName(code.payload.child)}`} />
          </View>
          <View className='rc-details' role='list' aria-label='报到信息'>
            <View className='rc-row' role='listitem'>
              <Text className='rc-key'>学生</Text>
              {/* The code carries the full name for the school; this screen, like every other, shows it masked. */}
              <Text className='rc-value'>{maskName(code.payload.child)}</Text>
            </View>
            <View className='rc-row' role='listitem'>
              <Text className='rc-key'>办件编号</Text>
              <Text className='rc-value'>{code.payload.app}</Text>
            </View>
            <View className='rc-row' role='listitem'>
              <Text className='rc-key'>签发时间</Text>
              <Text className='rc-value'>{formatMonthDayTime(toMs(code.payload.issuedAt))}</Text>
            </View>
          </View>
          <View className='rc-text'>
            <View className='rc-key'>报到码文本（无法扫码时，长按复制后发给学校老师核验）</View>
            <Text className='rc-text-value' selectable data-testid='report-code-text'>
              {code.code}
            </Text>
          </View>
          <View className='muted rc-tip'>报到时请将屏幕亮度调到最高，出示给学校老师扫描。报到码经教育部门数字签名，老师可离线核验真伪，请勿转发给他人。</View>
        </View>
      ) : null}
      <HelpLinks />
    </Page>
  );
}

import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { routes as apiRoutes } from '@contract/api';
import type { AdmissionNotice } from '@contract/reportCode';
import type { ApiError } from '@contract/errors';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { HelpLinks } from '@/components/HelpLinks';
import { NoticeBanner } from '@/components/NoticeBanner';
import { host } from '@/services/host';
import { formatMonthDay, toMs } from '@/domain/time';
import { enrolment } from '@/services/enrolment';
import { auth } from '@/services/auth';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplicationsStore } from '@/stores/applications';
import { useSessionStore } from '@/stores/session';
import './index.css';
import { routes } from '@/config/routes';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

/** 电子入学通知书 (Q27): view, and download the PDF through the host (token in a header, never a URL). */
export default function Notice() {
  const { id } = usePageParams();
  const [notice, setNotice] = useState<AdmissionNotice | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [download, setDownload] = useState<'idle' | 'busy' | 'ok' | 'failed'>('idle');
  // The report code is per child: its page takes the child's record id (payload.childId is the masked ID number).
  const childId = useApplicationsStore((s) => (id ? s.byId[id]?.childId ?? null : null));
  const loadOne = useApplicationsStore((s) => s.loadOne);

  useEffect(() => {
    if (!id) return;
    void loadOne(id);
    void useSessionStore.getState().restore().then(() => enrolment.notice(id)).then((a) => (a.ok ? setNotice(a.data) : setError(a.error)));
  }, [id, loadOne]);

  const save = async () => {
    if (!notice || download === 'busy') return;
    setDownload('busy');
    const token = auth.token();
    const result = await host.saveDocument({
      url: apiRoutes.noticePdf(notice.applicationId),
      fileName: `入学通知书-${notice.applicationNumber}.pdf`,
      mime: 'application/pdf',
      headers: token ? { Authorization: `Bearer ${token}` } : undefined,
    });
    setDownload(result.ok ? 'ok' : result.error.kind === 'cancelled' ? 'idle' : 'failed');
  };

  return (
    <Page title='电子入学通知书'>
      {error ? (
        <NoticeBanner tone='info' title='通知书尚未发放' urgent>
          <Text>{error.message}</Text>
          <View className='muted'>完成入学确认后，电子入学通知书于7月20日前发放。</View>
        </NoticeBanner>
      ) : null}
      {!notice && !error ? <View className='muted' role='status'>正在加载…</View> : null}
      {notice ? (
        <View className='card nt-paper' data-testid='notice'>
          <View className='nt-head'>入学通知书</View>
          <View className='nt-body'>
            <Text className='nt-name'>{notice.childNameMasked}</Text>
            <Text>{` 同学（身份证 ${notice.childIdMasked}）：`}</Text>
          </View>
          <View className='nt-body'>{`经审核，你已被 ${notice.schoolName} 录取。请于 ${formatMonthDay(toMs(notice.reportDate))} 持本通知书和报到码到校报到。`}</View>
          <View className='muted'>{`学校地址：${notice.schoolAddress}`}</View>
          <View className='muted'>{`办件编号：${notice.applicationNumber}`}</View>
          <View className='nt-sign'>{`签发日期：${formatMonthDay(toMs(notice.issuedAt))}`}</View>
        </View>
      ) : null}
      {notice ? (
        <View>
          <Button variant='primary' busy={download === 'busy'} onPress={() => void save()}>
            {download === 'busy' ? '正在下载…' : '下载 PDF'}
          </Button>
          {download === 'ok' ? <NoticeBanner tone='ok' title='通知书已下载，可在手机文件中查看' /> : null}
          {download === 'failed' ? <NoticeBanner tone='error' title='下载未成功，请检查网络后重试' urgent /> : null}
          {childId ? (
            <Button onPress={() => void navigation.to(routes.reportCode(childId))}>
              查看报到码
            </Button>
          ) : null}
        </View>
      ) : null}
      <HelpLinks />
    </Page>
  );
}

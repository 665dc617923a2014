// First: qrcode and @noble/curves need TextEncoder as they load, which the mini-program logic layer lacks.
import '@/platform/polyfills';
import { View, Text } from '@tarojs/components';
import { Textarea } from '@/components/native/Textarea';
import { useCallback, useEffect, useState } from 'react';
import type { ReportCodeCheck } from '@contract/reportCode';
import type { PublicKeyResponse } from '@contract/api';
import type { ApiError } from '@contract/errors';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { ErrorSummary } from '@/components/ErrorSummary';
import { enrolment } from '@/services/enrolment';
import { host } from '@/services/host';
import { verifyReportCode } from '@/domain/reportCode';
import { formatMonthDayTime, toMs } from '@/domain/time';
import './index.css';

const REASON_TITLE: Record<'malformed' | 'badSignature' | 'wrongYear', string> = {
  malformed: '无法识别的报到码',
  badSignature: '报到码无效',
  wrongYear: '不是本年度的报到码',
};

/**
 * 报到核验 for school teachers (Q27): the year's public key is fetched once, then every code is
 * verified on this device, so check-in keeps working on a bad network and nobody can forge a code.
 */
export default function CheckIn() {
  const [key, setKey] = useState<PublicKeyResponse | null>(null);
  const [keyError, setKeyError] = useState<ApiError | null>(null);
  const [input, setInput] = useState('');
  const [check, setCheck] = useState<ReportCodeCheck | null>(null);
  // 核验 with nothing pasted; and the refused attempts so far (each moves the focus to the error summary).
  const [emptyTried, setEmptyTried] = useState(false);
  // 核验 tapped before the year's key is here: the page says why it cannot check yet.
  const [keyTried, setKeyTried] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const loadKey = useCallback(async () => {
    setKeyError(null);
    const answer = await enrolment.publicKey();
    if (answer.ok) {
      setKey(answer.data);
      setKeyTried(false);
    }
    else setKeyError(answer.error);
  }, []);
  useEffect(() => void loadKey(), [loadKey]);

  const keyNotYet = () => {
    setKeyTried(true);
    setAttempt((n) => n + 1);
  };
  const [scanNote, setScanNote] = useState<string | null>(null);
  const verify = (code = input) => {
    if (!key) return;
    if (!code.trim()) {
      setEmptyTried(true);
      setAttempt((n) => n + 1);
      return;
    }
    const result = verifyReportCode(code, key.publicKey, key.year);
    setCheck(result);
    if (!result.valid) setAttempt((n) => n + 1);
  };
  const scan = async () => {
    setScanNote(null);
    const scanned = await host.scanCode();
    if (scanned.ok) {
      setInput(scanned.value);
      setEmptyTried(false);
      verify(scanned.value);
    } else if (scanned.error.kind !== 'cancelled') {
      setScanNote('当前应用暂不能扫码，请粘贴家长出示的报到码文本后点击“核验”。');
    }
  };
  const keyMissing = keyTried && !key ? [keyError ? '核验公钥获取失败，请点击上方“重新获取”后再核验' : '正在获取核验公钥，请稍候再点击“核验”'] : [];
  const problems = keyMissing.length ? keyMissing : emptyTried ? ['请先粘贴家长出示的报到码文本，再点击“核验”'] : check && !check.valid ? [`${REASON_TITLE[check.reason]}：${check.message}`] : [];
  const summaryTitle = keyMissing.length || emptyTried ? '【出错了】还不能核验' : '【核验未通过】请勿凭此报到码办理报到';

  const payload = check?.payload;
  return (
    <Page title='报到核验'>
      <View className='muted ci-intro'>供学校老师在新生报到时核验家长出示的报到码。核验在本机离线完成，不上传任何信息。</View>
      {keyError ? (
        <NoticeBanner tone='error' title='暂时无法获取核验公钥' urgent>
          <Text>{keyError.message}</Text>
          <Button onPress={() => void loadKey()}>
            重新获取
          </Button>
        </NoticeBanner>
      ) : null}
      {key ? <View className='tag tag-info ci-key'>{`已加载${key.year}年度核验公钥，可离线核验`}</View> : null}

      <ErrorSummary errors={problems} attempt={attempt} title={summaryTitle} />
      <View className='card'>
        <View className='field'>
          <Text id='ci-code-label' className='field-label'>
            报到码
          </Text>
          <Textarea
            className='field-input ci-input'
            role='group'
            aria-labelledby='ci-code-label'
            nativeProps={{ 'aria-labelledby': 'ci-code-label', 'aria-label': '报到码' }}
            placeholder='请粘贴报到码文本'
            value={input}
            maxlength={2000}
            onInput={(e) => {
              setInput(e.detail.value);
              setCheck(null);
              setEmptyTried(false);
            }}
          />
          <View className='field-hint'>可扫描家长手机上的二维码，或粘贴家长发来的报到码文本。</View>
        </View>
        <Button variant='primary' blocked={!key} onBlocked={keyNotYet} onPress={() => verify()}>
          核验
        </Button>
        <Button blocked={!key} onBlocked={keyNotYet} onPress={() => void scan()}>
          扫码核验
        </Button>
        {scanNote ? (
          <View className='field-hint' role='status'>
            {scanNote}
          </View>
        ) : null}
      </View>

      {check ? (
        <View className={`card ci-result ${check.valid ? 'ci-valid' : 'ci-invalid'}`} role={check.valid ? 'alert' : undefined} data-testid='checkin-result'>
          <View className='ci-verdict'>{check.valid ? '✓ 报到码有效' : `✗ ${REASON_TITLE[check.reason]}`}</View>
          {!check.valid ? <View className='ci-message'>{check.message}</View> : null}
          {payload ? (
            <View className='ci-details'>
              {!check.valid ? <View className='muted'>以下信息来自报到码内容，签名未通过时不可采信：</View> : null}
              <View className='rc-row'>
                <Text className='muted'>学生</Text>
                <Text data-testid='checkin-child'>{payload.child}</Text>
              </View>
              <View className='rc-row'>
                <Text className='muted'>证件号码</Text>
                <Text data-testid='checkin-child-id'>{payload.childId}</Text>
              </View>
              <View className='rc-row'>
                <Text className='muted'>录取学校</Text>
                <Text>{payload.schoolName}</Text>
              </View>
              <View className='rc-row'>
                <Text className='muted'>办件编号</Text>
                <Text>{payload.app}</Text>
              </View>
              <View className='rc-row'>
                <Text className='muted'>年度 / 签发时间</Text>
                <Text>{`${payload.year}年 · ${formatMonthDayTime(toMs(payload.issuedAt))}`}</Text>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </Page>
  );
}

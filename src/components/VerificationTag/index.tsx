import { Text } from '@tarojs/components';
import type { VerificationStatus } from '@contract/child';

/** 标签提示 (Q6, Q23): text and colour, so colour is never the only signal. */
export const VERIFICATION_LABELS: Record<VerificationStatus, { text: string; tone: 'ok' | 'warn' | 'muted' | 'info' }> = {
  matched: { text: '已核验', tone: 'ok' },
  notMatched: { text: '核验未通过，请上传佐证材料', tone: 'warn' },
  unavailable: { text: '数据暂不可用', tone: 'muted' },
  notChecked: { text: '待核验', tone: 'info' },
};

export interface VerificationTagProps {
  status: VerificationStatus;
  /** What was checked, e.g. "户籍"; read before the result by screen readers. */
  subject?: string;
}

export function VerificationTag({ status, subject }: VerificationTagProps) {
  const { text, tone } = VERIFICATION_LABELS[status];
  const mark = tone === 'ok' ? '✓ ' : tone === 'warn' ? '! ' : '';
  return (
    <Text className={`tag tag-${tone}`} data-status={status} aria-label={subject ? `${subject}：${text}` : text}>
      {mark}
      {text}
    </Text>
  );
}

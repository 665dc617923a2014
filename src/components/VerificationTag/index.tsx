import { Text } from '@tarojs/components';
import type { VerificationStatus } from '@contract/child';
import { VERIFICATION_LABELS } from '@/domain/labels';


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

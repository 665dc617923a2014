import { View } from '@tarojs/components';
import type { CorrectionRequest } from '@contract/application';
import type { MaterialCode } from '@contract/materials';
import { Button } from '@/components/Button';
import { ErrorSummary } from '@/components/ErrorSummary';
import { Uploader } from '@/components/Uploader';
import { MATERIAL_NAMES } from '@/domain/labels';
import { formatMonthDayTime, toMs } from '@/domain/time';

export interface CorrectionSectionProps {
  correction: CorrectionRequest;
  /** The photos re-uploaded so far, by material. */
  materials: Partial<Record<MaterialCode, string[]>>;
  /** The application's per-image limit, once known. */
  limit: { maxBytes: number; maxImagesPerItem: number } | null;
  /** Taps on 提交补正材料 before it was complete: each one moves the focus to what is missing. */
  attempt: number;
  busy: boolean;
  onUpload: (code: MaterialCode, fileIds: string[]) => void;
  onBlocked: () => void;
  onSubmit: () => void;
}

/** 补正要求: the reviewer's reason, the materials to replace (and only those), and 提交补正材料. */
export function CorrectionSection({ correction, materials, limit, attempt, busy, onUpload, onBlocked, onSubmit }: CorrectionSectionProps) {
  const missing = correction.items.filter((code) => !materials[code]?.length);
  // Sent only once every requested item has a new photo.
  const complete = missing.length === 0;
  return (
    <View className='card ad-correction' data-testid='correction'>
      <View className='card-title'>补正要求</View>
      <View className='ad-reason'>{`审核意见：${correction.reason}`}</View>
      {correction.dueAt ? <View className='ad-deadline'>{`补正截止：${formatMonthDayTime(toMs(correction.dueAt))}`}</View> : null}
      <View className='muted'>请重新上传以下材料，其他材料无需改动：</View>
      {correction.items.map((code) => (
        <View key={code} className='ad-fix'>
          <View className='ad-fix-name'>{MATERIAL_NAMES[code]}</View>
          {limit ? (
            <Uploader materialCode={code} label={MATERIAL_NAMES[code]} fileIds={materials[code] ?? []} maxBytes={limit.maxBytes} maxImages={limit.maxImagesPerItem} onChange={(ids) => onUpload(code, ids)} />
          ) : (
            <View className='muted' role='status'>正在获取上传要求…</View>
          )}
        </View>
      ))}
      <ErrorSummary title='还不能提交补正材料' errors={attempt > 0 && !complete ? missing.map((code) => `请重新上传：${MATERIAL_NAMES[code]}`) : []} attempt={attempt} />
      <Button variant='primary' blocked={!complete} busy={busy} onBlocked={onBlocked} onPress={onSubmit}>
        提交补正材料
      </Button>
    </View>
  );
}

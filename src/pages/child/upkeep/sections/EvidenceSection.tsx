import { View } from '@tarojs/components';
import type { MaterialCode } from '@contract/materials';
import { Uploader } from '@/components/Uploader';
import { MATERIAL_NAMES } from '@/domain/labels';
import { Section } from './Section';

export interface EvidenceSectionProps {
  /** The materials this family's case needs (evidenceFor). */
  codes: MaterialCode[];
  attachments: Partial<Record<MaterialCode, string[]>>;
  open: boolean;
  /** The district's per-image limit, once known. */
  limit: { maxBytes: number; maxImagesPerItem: number } | null;
  onAttach: (code: MaterialCode, fileIds: string[]) => void;
}

/** 佐证材料: the photos a failed data check or the family's situation calls for. */
export function EvidenceSection({ codes, attachments, open, limit, onAttach }: EvidenceSectionProps) {
  if (!codes.length) return null;
  return (
    <Section title='佐证材料'>
      <View className='muted'>以下材料因数据核验未通过或家庭情况需要上传，照片会在手机上压缩后上传。</View>
      {codes.map((c) => (
        <View key={c} className='upkeep-evidence'>
          <View className='upkeep-evidence-name'>{MATERIAL_NAMES[c]}</View>
          {open && limit ? (
            <Uploader materialCode={c} label={MATERIAL_NAMES[c]} fileIds={attachments[c] ?? []} maxBytes={limit.maxBytes} maxImages={limit.maxImagesPerItem} onChange={(ids) => onAttach(c, ids)} />
          ) : open ? (
            <View className='muted' role='status'>正在获取上传要求…</View>
          ) : (
            <View className='muted'>{`已上传 ${(attachments[c] ?? []).length} 张`}</View>
          )}
        </View>
      ))}
    </Section>
  );
}

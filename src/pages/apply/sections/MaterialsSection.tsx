import { View, Text } from '@tarojs/components';
import type { ApiError } from '@contract/errors';
import type { MaterialChecklist, MaterialCode } from '@contract/materials';
import { Button } from '@/components/Button';
import { NoticeBanner } from '@/components/NoticeBanner';
import { Uploader } from '@/components/Uploader';
import { MATERIAL_STATE_NAMES } from '@/domain/labels';

export interface MaterialsSectionProps {
  checklist: MaterialChecklist | null;
  checklistError: ApiError | null;
  onRetry: () => void;
  materials: Partial<Record<MaterialCode, string[]>>;
  showErrors: boolean;
  onFiles: (code: MaterialCode, fileIds: string[]) => void;
}

/** 6 of the registration form: the district's checklist with an Uploader per item (the checklist's byte limit). */
export function MaterialsSection({ checklist, checklistError, onRetry, materials, showErrors, onFiles }: MaterialsSectionProps) {
  return (
    <>
      {checklistError && !checklist ? (
        <NoticeBanner tone='error' title='暂时无法获取材料清单' urgent>
          <Text>{checklistError.message}</Text>
          <View className='muted'>已上传的材料和填写的内容都已保存。</View>
          <Button onPress={onRetry}>
            重试
          </Button>
        </NoticeBanner>
      ) : null}
      {checklist ? (
        <View className='card' id='apply-materials' data-testid='materials'>
          <View className='card-title'>6. 上传材料</View>
          <View className='muted'>已通过部门数据比对的材料无需上传；比对未通过的请上传照片，由审核人员核实，不影响报名。</View>
          {checklist.items.map((item) => (
            <View key={item.code} className='material'>
              <View className='row'>
                <Text className='material-name'>{item.name}</Text>
                <Text className={`tag ${item.state === 'required' ? 'tag-warn' : item.state === 'waived' ? 'tag-ok' : 'tag-muted'}`}>
                  {MATERIAL_STATE_NAMES[item.state]}
                </Text>
              </View>
              <View className='muted'>{item.reason}</View>
              {item.state !== 'waived' ? (
                <Uploader
                  materialCode={item.code}
                  label={item.name}
                  fileIds={materials[item.code] ?? []}
                  maxBytes={checklist.maxBytes}
                  maxImages={checklist.maxImagesPerItem}
                  onChange={(ids) => onFiles(item.code, ids)}
                />
              ) : null}
              {showErrors && item.state === 'required' && !(materials[item.code]?.length) ? <View className='field-error'>{`请上传${item.name}`}</View> : null}
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

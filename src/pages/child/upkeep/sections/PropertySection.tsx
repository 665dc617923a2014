import { PROPERTY_KINDS } from '@contract/enums';
import { View, Text } from '@tarojs/components';
import type { District } from '@contract/district';
import { Button } from '@/components/Button';
import { Chips } from '@/components/Chips';
import { NoticeBanner } from '@/components/NoticeBanner';
import { TextField } from '@/components/TextField';
import { PROPERTY_KIND_NAMES, PROPERTY_KIND_NOTES, UPKEEP_FIELD_LABELS } from '@/domain/labels';
import { unitNumberHint } from '@/domain/validators';
import { Section } from './Section';
import { upkeepFieldId, type UpkeepFormProps } from './form';

export interface PropertySectionProps extends UpkeepFormProps {
  /** The unit number's message: shown once left or once all 28 characters are in. */
  unitError: string | null;
  /** The unit number passes the domain's check (the ✓ beside it). */
  unitValid: boolean;
  /** The host app's name, for where it shows the unit number. */
  hostName: string;
  /** Where a parent without a certificate registers in person. */
  offlinePoints: District['offlinePoints'];
  onOpenRealEstate: () => void;
}

/** 房产情况: the kind, the 28-character 不动产单元号 with its owner, or what to do without one. */
export function PropertySection({ draft, open, blur, set, unitError, unitValid, hostName, offlinePoints, onOpenRealEstate }: PropertySectionProps) {
  const unitLength = (draft.property.unitNumber ?? '').replace(/\s/g, '').length;
  return (
    <Section title={UPKEEP_FIELD_LABELS['property.kind']}>
      <Chips
        label={UPKEEP_FIELD_LABELS['property.kind']}
        disabled={!open}
        options={PROPERTY_KINDS.map((kind) => ({ value: kind, label: PROPERTY_KIND_NAMES[kind] }))}
        value={draft.property.kind}
        onChange={(kind) => set((x) => void (x.property = { ...x.property, kind }), 'property.kind')}
      />
      {draft.property.kind === 'certificate' ? (
        <>
          <TextField
            id={upkeepFieldId('property.unitNumber')}
            label={UPKEEP_FIELD_LABELS['property.unitNumber']}
            value={draft.property.unitNumber ?? ''}
            disabled={!open}
            maxlength={40}
            placeholder='28 位，如 500112001002GB00012F00010001'
            error={unitError}
            onBlur={blur('property.unitNumber')}
            onInput={(v) => set((x) => void (x.property = { ...x.property, unitNumber: v }), 'property.unitNumber')}
            hint={
              <View>
                <View>{`共 28 位（已输入 ${unitLength} 位）：6 位行政区代码 + 6 位地籍区和子区 + 2 位宗地特征码 + 5 位宗地顺序号 + 1 位定着物特征码 + 8 位定着物单元编号。`}</View>
                <View>{unitNumberHint(hostName)}</View>
              </View>
            }
            extra={
              <Button className='upkeep-host-btn' onPress={onOpenRealEstate}>
                {`打开${hostName}“我的不动产”查看`}
              </Button>
            }
          />
          {unitValid ? (
            <View className='add-eligible' role='status'>
              ✓ 不动产单元号格式正确
            </View>
          ) : null}
          <TextField label='权利人姓名（证书上的产权人）' value={draft.property.ownerName ?? ''} disabled={!open} onInput={(v) => set((x) => void (x.property = { ...x.property, ownerName: v }), 'property.ownerName')} />
        </>
      ) : null}
      {draft.property.kind === 'noCertificate' ? (
        <NoticeBanner tone='warn' title={`${PROPERTY_KIND_NAMES.noCertificate}：需线下办理`}>
          <Text>{PROPERTY_KIND_NOTES.noCertificate}</Text>
          {offlinePoints.map((p) => (
            <View key={p.name} className='muted'>{`${p.name}：${p.address}（${p.hours}）`}</View>
          ))}
        </NoticeBanner>
      ) : null}
      {draft.property.kind === 'rented' ? <View className='muted'>{PROPERTY_KIND_NOTES.rented}</View> : null}
      <Chips
        label='户主或房屋权利人是否为其他监护人（如配偶、祖父母）？'
        disabled={!open}
        options={[
          { value: 'no', label: '否，是我本人' },
          { value: 'yes', label: '是，是其他监护人' },
        ]}
        value={draft.householdHeadIsOtherGuardian ? 'yes' : 'no'}
        onChange={(v) => set((x) => void (x.householdHeadIsOtherGuardian = v === 'yes'), 'householdHeadIsOtherGuardian')}
      />
    </Section>
  );
}

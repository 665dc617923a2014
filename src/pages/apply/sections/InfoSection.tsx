import { PROPERTY_KINDS, STUDENT_SOURCES } from '@contract/enums';
import { View } from '@tarojs/components';
import type { UpkeepInfo } from '@contract/child';
import type { StudentSource } from '@contract/materials';
import { Button } from '@/components/Button';
import { RadioGroup } from '@/components/RadioGroup';
import { TextField } from '@/components/TextField';
import { hostName } from '@/config';
import { guardianFieldLabel, PROPERTY_KIND_NAMES, PROPERTY_KIND_NOTES, SOURCE_LABEL, SOURCE_NAMES, UPKEEP_FIELD_LABELS } from '@/domain/labels';
import { unitNumberHint } from '@/domain/validators';
import { maskAddress, maskPhone } from '@/domain/masking';
import { emptyUpkeep } from '@/stores/upkeep';

/** The input id of an upkeep path in this form ('guardians.0.phone' → 'ap-guardians-0-phone'): the error summary links there. */
export const applyFieldId = (path: string) => `ap-${path.replace(/\./g, '-')}`;

export interface InfoSectionProps {
  source: StudentSource;
  onSource: (source: StudentSource) => void;
  upkeep: UpkeepInfo | null;
  /** The upkeep was taken from 子女信息维护 (一键引用) and is shown masked until 修改. */
  quoted: boolean;
  onUnquote: () => void;
  quoteMessage: { tone: 'ok' | 'warn' | 'error'; text: string } | null;
  onQuote: () => void;
  setUpkeep: (patch: Partial<UpkeepInfo>) => void;
  /** validateUpkeep's message for a field path, once the parent has tried to continue. */
  shownError: (path: string) => string | undefined;
}

/** 5 of the registration form: student source and the child's information (quoted from upkeep or typed here). */
export function InfoSection({ source, onSource, upkeep, quoted, onUnquote, quoteMessage, onQuote, setUpkeep, shownError }: InfoSectionProps) {
  return (
    <View className='card' id='apply-info'>
      <View className='card-title'>5. 报名信息</View>
      <Button onPress={onQuote}>
        一键引用子女信息维护内容
      </Button>
      {quoteMessage ? <View className={`quote-msg quote-${quoteMessage.tone}`} role='status'>{quoteMessage.text}</View> : null}
      <RadioGroup label={SOURCE_LABEL} showLabel options={STUDENT_SOURCES.map((s) => ({ value: s, label: SOURCE_NAMES[s] }))} value={source} onChange={onSource} />
      {upkeep && quoted ? (
        <View className='quoted' data-testid='quoted-upkeep'>
          <View>{`${UPKEEP_FIELD_LABELS['householdAddress.text']}：${maskAddress(upkeep.householdAddress.text)}`}</View>
          <View>{`${UPKEEP_FIELD_LABELS['residenceAddress.text']}：${maskAddress(upkeep.residenceAddress.text)}`}</View>
          <View>{`${UPKEEP_FIELD_LABELS['property.kind']}：${PROPERTY_KIND_NAMES[upkeep.property.kind]}`}</View>
          <View>{`${guardianFieldLabel('phone')}：${maskPhone(upkeep.guardians[0]?.phone ?? '')}`}</View>
          <Button variant='link' onPress={onUnquote}>
            修改
          </Button>
        </View>
      ) : (
        <View>
          <TextField id={applyFieldId('householdAddress.text')} label={UPKEEP_FIELD_LABELS['householdAddress.text']} value={upkeep?.householdAddress.text ?? ''} onInput={(v) => setUpkeep({ householdAddress: { text: v } })} error={shownError('householdAddress.text')} />
          <TextField id={applyFieldId('residenceAddress.text')} label={UPKEEP_FIELD_LABELS['residenceAddress.text']} value={upkeep?.residenceAddress.text ?? ''} onInput={(v) => setUpkeep({ residenceAddress: { text: v } })} error={shownError('residenceAddress.text')} />
          <RadioGroup
            label={UPKEEP_FIELD_LABELS['property.kind']}
            showLabel
            options={PROPERTY_KINDS.map((k) => ({ value: k, label: PROPERTY_KIND_NAMES[k] }))}
            value={(upkeep ?? emptyUpkeep()).property.kind}
            onChange={(kind) => setUpkeep({ property: { ...(upkeep ?? emptyUpkeep()).property, kind } })}
          />
          {upkeep && PROPERTY_KIND_NOTES[upkeep.property.kind] ? <View className='field-hint'>{`${PROPERTY_KIND_NOTES[upkeep.property.kind]}${upkeep.property.kind === 'noCertificate' ? '线下报名点见“联系我们”。' : ''}`}</View> : null}
          {(upkeep ?? emptyUpkeep()).property.kind === 'certificate' ? (
            <TextField
              id={applyFieldId('property.unitNumber')}
              label={UPKEEP_FIELD_LABELS['property.unitNumber']}
              hint={`共 28 位。${unitNumberHint(hostName())}`}
              value={upkeep?.property.unitNumber ?? ''}
              onInput={(v) => setUpkeep({ property: { ...(upkeep ?? emptyUpkeep()).property, unitNumber: v } })}
              error={shownError('property.unitNumber')}
            />
          ) : null}
          {/* The server requires the guardian's name: a parent who skipped upkeep gives it here. */}
          <TextField
            id={applyFieldId('guardians.0.name')}
            label={guardianFieldLabel('name')}
            value={upkeep?.guardians[0]?.name ?? ''}
            onInput={(v) => setUpkeep({ guardians: [{ ...(upkeep ?? emptyUpkeep()).guardians[0], name: v }] })}
            error={shownError('guardians.0.name')}
          />
          <TextField
            id={applyFieldId('guardians.0.phone')}
            label={guardianFieldLabel('phone')}
            value={upkeep?.guardians[0]?.phone ?? ''}
            onInput={(v) => setUpkeep({ guardians: [{ ...(upkeep ?? emptyUpkeep()).guardians[0], phone: v.trim() }] })}
            error={shownError('guardians.0.phone')}
          />
        </View>
      )}
    </View>
  );
}

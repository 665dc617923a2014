import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { UPKEEP_FIELD_LABELS } from '@/domain/labels';
import { Section } from './Section';
import { upkeepFieldId, type UpkeepFormProps } from './form';

/** 户籍与居住地址; the residence carries the current district. */
export function AddressSection({ draft, open, err, blur, set, districtCode }: UpkeepFormProps & { districtCode: string | null }) {
  return (
    <Section title='户籍与居住地址'>
      <TextField
        id={upkeepFieldId('householdAddress.text')}
        label={UPKEEP_FIELD_LABELS['householdAddress.text']}
        value={draft.householdAddress.text}
        disabled={!open}
        placeholder='如：重庆市渝北区龙溪街道金龙路88号3栋2单元501'
        error={err('householdAddress.text')}
        onBlur={blur('householdAddress.text')}
        onInput={(v) => set((x) => void (x.householdAddress = { ...x.householdAddress, text: v }), 'householdAddress.text')}
      />
      <TextField
        id={upkeepFieldId('residenceAddress.text')}
        label={UPKEEP_FIELD_LABELS['residenceAddress.text']}
        value={draft.residenceAddress.text}
        disabled={!open}
        placeholder='详细到门牌号'
        error={err('residenceAddress.text')}
        onBlur={blur('residenceAddress.text')}
        onInput={(v) => set((x) => void (x.residenceAddress = { text: v, districtCode: districtCode ?? undefined }), 'residenceAddress.text')}
        extra={
          open ? (
            <Button variant='link' onPress={() => set((x) => void (x.residenceAddress = { text: x.householdAddress.text, districtCode: districtCode ?? undefined }), 'residenceAddress.text')}>
              与户籍地址相同
            </Button>
          ) : null
        }
      />
    </Section>
  );
}

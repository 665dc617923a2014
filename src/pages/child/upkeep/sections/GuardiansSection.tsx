import { RELATIONSHIPS } from '@contract/enums';
import { View } from '@tarojs/components';
import { Button } from '@/components/Button';
import { Chips } from '@/components/Chips';
import { TextField } from '@/components/TextField';
import { guardianFieldLabel, RELATIONSHIP_NAMES } from '@/domain/labels';
import { Section } from './Section';
import { upkeepFieldId, type UpkeepFormProps } from './form';

/** Most guardians the form holds. */
const MAX_GUARDIANS = 2;

/** 监护人联系方式: one or two guardians, each with name, relationship and phone. */
export function GuardiansSection({ draft, open, err, blur, set }: UpkeepFormProps) {
  return (
    <Section title='监护人联系方式'>
      {draft.guardians.map((g, i) => (
        <View key={i} className='upkeep-guardian'>
          <TextField
            id={upkeepFieldId(`guardians.${i}.name`)}
            label={guardianFieldLabel('name', i)}
            value={g.name}
            disabled={!open}
            error={err(`guardians.${i}.name`)}
            onBlur={blur(`guardians.${i}.name`)}
            onInput={(v) => set((x) => void (x.guardians[i].name = v), `guardians.${i}.name`)}
          />
          <Chips label={guardianFieldLabel('relationship', i)} disabled={!open} options={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_NAMES[r] }))} value={g.relationship} onChange={(r) => set((x) => void (x.guardians[i].relationship = r), `guardians.${i}.relationship`)} />
          <TextField
            id={upkeepFieldId(`guardians.${i}.phone`)}
            label={guardianFieldLabel('phone', i)}
            value={g.phone}
            type='number'
            maxlength={11}
            disabled={!open}
            hint='用于接收审核结果短信'
            error={err(`guardians.${i}.phone`)}
            onBlur={blur(`guardians.${i}.phone`)}
            onInput={(v) => set((x) => void (x.guardians[i].phone = v), `guardians.${i}.phone`)}
          />
        </View>
      ))}
      {open && draft.guardians.length < MAX_GUARDIANS ? (
        <Button variant='link' onPress={() => set((x) => void x.guardians.push({ name: '', relationship: 'father', phone: '' }), 'guardians')}>
          ＋ 添加另一位监护人
        </Button>
      ) : null}
    </Section>
  );
}

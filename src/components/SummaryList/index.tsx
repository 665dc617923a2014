import { View, Text } from '@tarojs/components';
import { Button } from '../Button';
import './index.css';

export interface SummaryRow {
  key: string;
  value: string;
  /** 修改: returns to the section where this answer is given. */
  onChange?: () => void;
}

/** Check your answers: one row per answer, each with a 修改 that names what it changes. */
export function SummaryList({ rows, label }: { rows: SummaryRow[]; label: string }) {
  return (
    <View className='summary-list' role='list' aria-label={label}>
      {rows.map((r) => (
        <View key={r.key} className='summary-row' role='listitem'>
          <Text className='summary-key'>{r.key}</Text>
          <Text className='summary-value'>{r.value}</Text>
          {r.onChange ? (
            <Button variant='link' className='summary-action' aria-label={`修改${r.key}`} onPress={r.onChange}>
              修改
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

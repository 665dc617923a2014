import { View } from '@tarojs/components';
import { Checkbox } from '@/components/Checkbox';
import { NOTES_TICK } from '@/domain/labels';

export interface NotesSectionProps {
  notes: string[];
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
}

/** 4 of the registration form: the district's 申报须知 for the school type and the tick (Q19); nothing is submitted before it. */
export function NotesSection({ notes, accepted, onAccept }: NotesSectionProps) {
  return (
    <View className='card' id='apply-notes' data-testid='notes'>
      <View className='card-title'>4. 申报须知</View>
      {notes.length === 0 ? <View className='muted'>正在获取申报须知…</View> : null}
      {notes.map((n, i) => (
        <View key={i} className='notes-item'>{`${i + 1}. ${n}`}</View>
      ))}
      <Checkbox label={NOTES_TICK} checked={accepted} disabled={notes.length === 0} onChange={onAccept} />
    </View>
  );
}

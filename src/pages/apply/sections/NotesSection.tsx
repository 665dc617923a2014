import { View, Text } from '@tarojs/components';
import { Button } from '@/components/Button';
import { Checkbox } from '@/components/Checkbox';
import { NOTES_TICK } from '@/domain/labels';

/**
 * Why the notes are (not yet) shown. A load that cannot start or failed says so and what to do,
 * never a spinner that waits for nothing (no district chosen) or an empty list (a refused request).
 */
export type NotesState =
  | { kind: 'ready' }
  | { kind: 'loading' }
  | { kind: 'needsDistrict'; onChooseDistrict: () => void }
  /** The school list (which carries the notes) failed: its banner above has the error and 重试. */
  | { kind: 'failed' }
  | { kind: 'none' };

export interface NotesSectionProps {
  notes: string[];
  state: NotesState;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
}

/** 4 of the registration form: the district's 申报须知 for the school type and the tick (Q19); nothing is submitted before it. */
export function NotesSection({ notes, state, accepted, onAccept }: NotesSectionProps) {
  return (
    <View className='card' id='apply-notes' data-testid='notes'>
      <View className='card-title'>4. 申报须知</View>
      {state.kind === 'loading' ? <View className='muted' role='status'>正在获取申报须知…</View> : null}
      {state.kind === 'needsDistrict' ? (
        <View className='muted'>
          <Text>申报须知由孩子9月就读学校所在的区县发布，请先选择当前区域。</Text>
          <Button variant='link' onPress={state.onChooseDistrict}>
            选择当前区域
          </Button>
        </View>
      ) : null}
      {state.kind === 'failed' ? (
        <View className='muted' role='status'>
          暂时无法获取申报须知：申报须知随学校名单一起获取，请点击上方“重试”。
        </View>
      ) : null}
      {state.kind === 'none' ? <View className='muted'>本区县暂未发布该类学校的申报须知，请拨打区县招生咨询电话了解。</View> : null}
      {state.kind === 'ready'
        ? notes.map((n, i) => (
            <View key={i} className='notes-item'>{`${i + 1}. ${n}`}</View>
          ))
        : null}
      <Checkbox label={NOTES_TICK} checked={accepted} disabled={state.kind !== 'ready'} onChange={onAccept} />
    </View>
  );
}

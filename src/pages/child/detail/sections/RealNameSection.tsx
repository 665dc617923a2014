import { View } from '@tarojs/components';
import { Button } from '@/components/Button';
import { NoticeBanner } from '@/components/NoticeBanner';
import { TextField } from '@/components/TextField';

export interface RealNameSectionProps {
  /** A 户口簿 name other than the certificate's is on record (it can be changed or undone). */
  differs: boolean;
  /** What the last save did, once it went through. */
  saved: string | null;
  /** The field is open for typing. */
  editing: boolean;
  value: string;
  error: string | null;
  busy: boolean;
  /** 填写 / 修改户口簿姓名: opens the field. */
  onEdit: () => void;
  onInput: (value: string) => void;
  onSave: () => void;
  onCancel: () => void;
  /** 恢复为出生证姓名: drops the 户口簿 name on record. */
  onRestore: () => void;
}

/** 姓名与户口簿不一致 (Q14): the 户口簿 name, typed, saved or undone; it never blocks an application. */
export function RealNameSection({ differs, saved, editing, value, error, busy, onEdit, onInput, onSave, onCancel, onRestore }: RealNameSectionProps) {
  return (
    <View className='card' data-testid='real-name-card'>
      <View className='card-title'>姓名与户口簿不一致？</View>
      <View className='muted'>系统显示的是出生医学证明上的姓名。如孩子上户口时改了名字，请填写户口簿上的姓名。这不影响报名。</View>
      {saved ? <NoticeBanner tone='ok' title={saved} /> : null}
      {editing ? (
        <View className='detail-edit'>
          <TextField label='户口簿姓名' value={value} placeholder='与户口簿一致' error={error} onInput={onInput} />
          <View className='detail-edit-actions'>
            <Button variant='primary' busy={busy} onPress={onSave}>
              保存户口簿姓名
            </Button>
            <Button onPress={onCancel}>取消</Button>
          </View>
        </View>
      ) : (
        <View className='detail-edit-actions'>
          <Button onPress={onEdit}>{differs ? '修改户口簿姓名' : '填写户口簿姓名'}</Button>
          {differs ? <Button onPress={onRestore}>恢复为出生证姓名</Button> : null}
        </View>
      )}
    </View>
  );
}

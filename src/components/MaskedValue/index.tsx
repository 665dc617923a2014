import { View, Text } from '@tarojs/components';
import './index.css';
import { useState } from 'react';
import { Button } from '../Button';

export interface MaskedValueProps {
  label: string;
  /** What is shown by default, e.g. "5001**********004X". */
  masked: string;
  /** The full value if already on the device (e.g. a phone the parent typed). */
  full?: string;
  /** Fetches the full value on demand (e.g. POST /children/:id/reveal); null = could not. */
  reveal?: () => Promise<string | null>;
}

/** Personal data masked by default with an explicit 显示 / 隐藏 toggle; fetched only when asked. */
export function MaskedValue({ label, masked, full, reveal }: MaskedValueProps) {
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const toggle = async () => {
    if (shown !== null) return setShown(null);
    setFailed(false);
    if (full !== undefined) return setShown(full);
    if (!reveal) return;
    setBusy(true);
    const value = await reveal();
    setBusy(false);
    if (value === null) setFailed(true);
    else setShown(value);
  };

  return (
    <View className='masked-value'>
      <Text className='masked-label'>{label}：</Text>
      <Text className='masked-text' data-testid='masked-text'>
        {shown ?? masked}
      </Text>
      <Button
        variant='plain'
        className='masked-toggle'
        aria-pressed={shown !== null}
        aria-label={`${shown !== null ? '隐藏' : '显示'}${label}`}
        busy={busy}
        onPress={() => void toggle()}
      >
        {busy ? '读取中…' : shown !== null ? '隐藏' : '显示'}
      </Button>
      {failed ? (
        <View className='field-error' role='alert'>
          暂时无法显示完整号码，请稍后重试
        </View>
      ) : null}
    </View>
  );
}

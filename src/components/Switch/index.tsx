import { View, Text } from '@tarojs/components';
import { pressKey } from '../Pressable';
import './index.css';

export interface SwitchProps {
  /** The setting's name, read as the switch's name (长辈版). */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The state in words beside the track, so colour is never the only signal. */
  onText?: string;
  offText?: string;
  disabled?: boolean;
}

/** An on/off setting: a tap or Space/Enter flips it; the state is also written out in words. */
export function Switch({ label, checked, onChange, onText = '已开启', offText = '已关闭', disabled = false }: SwitchProps) {
  return (
    <View
      className={`switch${checked ? ' switch-on' : ''}${disabled ? ' btn-disabled' : ''}`}
      role='switch'
      tabIndex={disabled ? -1 : 0}
      aria-checked={checked}
      aria-disabled={disabled || undefined}
      aria-label={label}
      onKeyDown={pressKey}
      onClick={() => !disabled && onChange(!checked)}
    >
      <View className='switch-track' aria-hidden>
        <View className='switch-knob' />
      </View>
      <Text className='switch-state' aria-hidden>
        {checked ? onText : offText}
      </Text>
    </View>
  );
}

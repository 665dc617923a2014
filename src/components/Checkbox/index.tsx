import { View, Text } from '@tarojs/components';
import { pressKey } from '../Pressable';
import './index.css';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  error?: string | null;
  'data-testid'?: string;
}

/** A large tick box with its label (我已阅读以上申报须知…); Space/Enter toggles; disabled does nothing. */
export function Checkbox({ label, checked, onChange, disabled = false, error, ...rest }: CheckboxProps) {
  return (
    <View className={error ? 'field-invalid' : undefined}>
      <View
        className={`tick${checked ? ' tick-on' : ''}${disabled ? ' tick-disabled' : ''}`}
        role='checkbox'
        tabIndex={0}
        aria-checked={checked}
        aria-disabled={disabled}
        onKeyDown={pressKey}
        onClick={() => !disabled && onChange(!checked)}
        {...rest}
      >
        <View className='tick-box' aria-hidden>
          {checked ? '✓' : ''}
        </View>
        <Text>{label}</Text>
      </View>
      {error ? (
        <View className='field-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

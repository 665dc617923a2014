import { View, Text } from '@tarojs/components';
import { useId } from 'react';
import { useRoving } from '../roving';
import './index.css';

export interface ChipsProps<T extends string> {
  label: string;
  options: Array<{ value: T; label: string }>;
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
  disabled?: boolean;
}

/** A short single choice as compact chips (关系, 房产情况). Roving tabindex and arrow keys, as RadioGroup. */
export function Chips<T extends string>({ label, options, value, onChange, error, disabled = false }: ChipsProps<T>) {
  const base = useId().replace(/:/g, '');
  const roving = useRoving(options.length, options.findIndex((o) => o.value === value), (i) => onChange(options[i].value), () => disabled);
  return (
    <View className={`field${error ? ' field-invalid' : ''}`}>
      <Text id={`${base}-label`} className='field-label'>
        {label}
      </Text>
      <View className='chips' role='radiogroup' aria-labelledby={`${base}-label`} aria-describedby={error ? `${base}-error` : undefined}>
        {options.map((o, i) => (
          <View
            key={o.value}
            ref={roving.ref(i)}
            role='radio'
            tabIndex={roving.tabIndex(i)}
            aria-checked={value === o.value}
            aria-disabled={disabled ? true : undefined}
            className={`chip${value === o.value ? ' chip-on' : ''}${disabled ? ' btn-disabled' : ''}`}
            onKeyDown={roving.onKeyDown(i)}
            onClick={() => !disabled && onChange(o.value)}
          >
            {o.label}
          </View>
        ))}
      </View>
      {error ? (
        <View id={`${base}-error`} className='field-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

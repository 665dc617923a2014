import { View, Text } from '@tarojs/components';
import { useRoving } from '../roving';
import { useDomId } from '../useDomId';
import '../Chips/index.css';
import './index.css';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
  disabled?: boolean;
}

export interface RadioGroupProps<T extends string> {
  /** The question, read as the group's name. */
  label: string;
  /** Shown above the options; otherwise the label names the group for screen readers only. */
  showLabel?: boolean;
  options: Array<RadioOption<T>>;
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
  disabled?: boolean;
  /** Two options side by side (公办/民办). */
  inline?: boolean;
  className?: string;
  /** 'cards' (the default): large cards with a drawn mark; 'chips': compact chips in a row. */
  look?: 'cards' | 'chips';
}

/**
 * Single choice as large cards with a drawn mark (elderly parents tap the whole card). Roving
 * tabindex: Tab enters the group at the chosen option, arrow keys move and choose, as native radios.
 */
export function RadioGroup<T extends string>({ label, showLabel = false, options, value, onChange, error, disabled = false, inline = false, className, look = 'cards' }: RadioGroupProps<T>) {
  const base = useDomId();
  const off = (i: number) => disabled || !!options[i].disabled;
  const roving = useRoving(options.length, options.findIndex((o) => o.value === value), (i) => onChange(options[i].value), off);
  return (
    <View className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      {showLabel ? (
        <Text id={`${base}-label`} className='field-label'>
          {label}
        </Text>
      ) : null}
      <View
        role='radiogroup'
        className={look === 'chips' ? 'chips' : inline ? 'choice-row' : undefined}
        aria-label={showLabel ? undefined : label}
        aria-labelledby={showLabel ? `${base}-label` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${base}-error` : undefined}
      >
        {options.map((o, i) => {
          const selected = o.value === value;
          const classes = look === 'chips' ? `chip${selected ? ' chip-on' : ''}${off(i) ? ' btn-disabled' : ''}` : `choice${selected ? ' choice-selected' : ''}${off(i) ? ' choice-disabled' : ''}`;
          return (
            <View
              key={o.value}
              ref={roving.ref(i)}
              className={classes}
              role='radio'
              tabIndex={roving.tabIndex(i)}
              aria-checked={selected}
              aria-disabled={off(i) ? true : undefined}
              onKeyDown={roving.onKeyDown(i)}
              onClick={() => !off(i) && onChange(o.value)}
            >
              {look === 'chips' ? (
                o.label
              ) : (
                <>
                  <View className='choice-mark' aria-hidden />
                  <View className='choice-body'>
                    <View>{o.label}</View>
                    {o.hint ? <View className='muted'>{o.hint}</View> : null}
                  </View>
                </>
              )}
            </View>
          );
        })}
      </View>
      {error ? (
        <View id={`${base}-error`} className='field-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

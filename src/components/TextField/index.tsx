import { View, Text } from '@tarojs/components';
import { Input } from '@/components/native/Input';
import type { ReactNode } from 'react';
import { useDomId } from '../useDomId';

export interface TextFieldProps {
  /** The input's id: the error summary links here and moves the focus to it. */
  id?: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Chinese error shown right under the field; the field is marked invalid while it is set. */
  error?: string | null;
  /** Format guide or example, always visible (elderly parents need it before they type). */
  hint?: ReactNode;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  onBlur?: () => void;
  /** Extra control beside the input, e.g. a "查看示例" link. */
  extra?: ReactNode;
  testId?: string;
  /** Read-only (e.g. outside the upkeep window): the value stays visible. */
  disabled?: boolean;
}

/** TextField: label + input + hint + error beside the field, wired for screen readers (labelledby / describedby / invalid). */
export function TextField({ id, label, value, onInput, error, hint, placeholder, type = 'text', maxlength, onBlur, extra, testId, disabled }: TextFieldProps) {
  const base = useDomId();
  const labelId = `${base}-label`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <View className={`field${error ? ' field-invalid' : ''}`} data-testid={testId}>
      <Text id={labelId} className='field-label'>
        {label}
      </Text>
      <Input
        id={id}
        className='field-input'
        value={value}
        type={type}
        placeholder={placeholder}
        maxlength={maxlength ?? 140}
        disabled={disabled}
        // The outer element (found by its label) groups the field; the native input inside is labelled
        // by the same visible label (a title alone is not a visible label for axe or voice control), and
        // carries it as aria-label too: axe cannot read the text of Taro's Text inside some sections.
        role='group'
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : 'false'}
        nativeProps={{ 'aria-labelledby': labelId, 'aria-label': label, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : 'false' }}
        onInput={(e) => onInput(String(e.detail.value ?? ''))}
        onBlur={onBlur}
      />
      {extra}
      {hint ? (
        <View id={hintId} className='field-hint'>
          {hint}
        </View>
      ) : null}
      {error ? (
        <View id={errorId} className='field-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

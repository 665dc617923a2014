import { RadioGroup } from '../RadioGroup';

export interface ChipsProps<T extends string> {
  label: string;
  options: Array<{ value: T; label: string }>;
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
  disabled?: boolean;
}

/** A short single choice as compact chips (关系, 房产情况): a RadioGroup with its label shown, in the chip look. */
export function Chips<T extends string>(props: ChipsProps<T>) {
  return <RadioGroup {...props} showLabel look='chips' />;
}

import type { UpkeepInfo } from '@contract/child';

/** What every section of the 子女信息维护 form is given: the draft, whether it can be edited, the
 *  message beside each field, and the one way to change the draft. Sections hold no state. */
export interface UpkeepFormProps {
  draft: UpkeepInfo;
  /** The district's upkeep window is open (else the form is read-only). */
  open: boolean;
  /** The message shown beside a field path, or null. */
  err: (path: string) => string | null;
  /** The field was left: its check is shown from now on. */
  blur: (path: string) => () => void;
  /** Changes the draft; `clear` is the field path whose server refusal the change answers. */
  set: (change: (draft: UpkeepInfo) => void, clear: string) => void;
}

/** The input id of a form path ('guardians.0.phone' → 'upkeep-guardians-0-phone'): the error summary links there. */
export const upkeepFieldId = (path: string) => `upkeep-${path.replace(/\./g, '-')}`;

/**
 * 子女信息维护 (Q11, Q15, Q17): the checks of an upkeep record, once, with the form's field paths.
 * The upkeep page, the registration form and the server's upkeep save and submission all call it.
 */
import type { UpkeepInfo } from '@contract/child';
import { validateAddress, validateName, validatePhone, validateUnitNumber } from './validators';

/** Field path (as the form and the server's fieldErrors name it) → the Chinese message. */
export type UpkeepErrors = Record<string, string>;

/**
 * Errors of what was typed; empty when the record can be saved. `prefix` e.g. 'upkeep.' on
 * submission; `hostName` is the host app's name for the messages that name it ('' names none).
 */
export function validateUpkeep(info: Pick<UpkeepInfo, 'householdAddress' | 'residenceAddress' | 'property' | 'guardians'>, prefix = '', hostName = ''): UpkeepErrors {
  const errors: UpkeepErrors = {};
  const at = (path: string) => `${prefix}${path}`;
  const household = validateAddress(info.householdAddress.text);
  if (!household.ok) errors[at('householdAddress.text')] = household.message;
  const residence = validateAddress(info.residenceAddress.text);
  if (!residence.ok) errors[at('residenceAddress.text')] = residence.message;
  if (info.property.kind === 'certificate') {
    const unit = validateUnitNumber(info.property.unitNumber, hostName);
    if (!unit.ok) errors[at('property.unitNumber')] = unit.message;
  }
  if (info.guardians.length === 0) errors[at('guardians')] = '请至少填写一位监护人的联系方式';
  info.guardians.forEach((g, i) => {
    const name = validateName(g.name);
    if (!name.ok) errors[at(`guardians.${i}.name`)] = name.message;
    const phone = validatePhone(g.phone);
    if (!phone.ok) errors[at(`guardians.${i}.phone`)] = phone.message;
  });
  return errors;
}

/**
 * Masking of personal data for display (SPEC: personal data masked by default). Pure string
 * functions; the full value is shown only on the parent's explicit request.
 */

/** "500112201803120028" -> "5001**********0028": region prefix and last four stay recognisable. */
export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/**
 * "500112201803120028" -> "**************0028": only the last four stay, for staff who match a child
 * by the full name (the report code, check-in) and need just enough of the ID to tell namesakes apart.
 */
export function maskIdNumberToLastFour(id: string): string {
  const chars = Array.from(id.trim());
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${'*'.repeat(chars.length - 4)}${chars.slice(-4).join('')}`;
}

/** "13812345678" -> "138****5678". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** "张三" -> "张*", "王子涵" -> "王*涵", "阿依古丽·买买提" -> "阿******提". Code points, so rare characters count once. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Keeps the address up to the street/town (街道/镇/乡/路/街) and masks the rest, so a parent can
 * recognise it without the house number being readable over their shoulder.
 */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  const text = chars.join('');
  const match = /^(.*?(?:街道|镇|乡|路|街|大道))/.exec(text);
  const keep = match ? Array.from(match[1]).length : Math.min(6, chars.length);
  const hidden = chars.length - keep;
  return hidden > 0 ? `${chars.slice(0, keep).join('')}${'*'.repeat(Math.min(hidden, 8))}` : text;
}

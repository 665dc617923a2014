/**
 * Least data out (issue 12, property 10): what the server answers a parent carries phones,
 * addresses and 不动产单元号 masked (ID numbers are masked at the source: Child.idNumberMasked,
 * Session.parent); the whole values leave only through an explicit, audited reveal call.
 *
 * A client may send a masked value back unchanged (a quoted upkeep, an application resubmitted
 * from its snapshot). Such an echo never overwrites the whole value: when a field equals the mask
 * of a value the server already holds for this parent and child, the held value is used; a value
 * that still looks masked after that is refused, so a mask is never stored as data.
 */
import type { Application, UpkeepInfo, UpkeepResponse } from '@contract/api';
import { maskAddress, maskPhone } from '@/domain/masking';
import type { AccountRecord, Repositories } from '../ports/store';
import type { Deps, RequestContext } from '../usecases/context';
import { refuseFieldErrors } from '../usecases/errors';

/** "500112003012GB00231F00030501" -> "500112******************0501": the district stays readable. */
export function maskUnitNumber(unit: string): string {
  const chars = Array.from(unit.trim());
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

export function maskUpkeep(u: UpkeepInfo): UpkeepInfo {
  return {
    ...u,
    householdAddress: { ...u.householdAddress, text: maskAddress(u.householdAddress.text) },
    residenceAddress: { ...u.residenceAddress, text: maskAddress(u.residenceAddress.text) },
    property: {
      ...u.property,
      ...(u.property.unitNumber !== undefined ? { unitNumber: maskUnitNumber(u.property.unitNumber) } : {}),
      ...(u.property.address !== undefined ? { address: maskAddress(u.property.address) } : {}),
    },
    guardians: u.guardians.map((g) => ({ ...g, phone: maskPhone(g.phone) })),
  };
}

export const maskUpkeepResponse = (r: UpkeepResponse): UpkeepResponse => ({ ...r, upkeep: r.upkeep ? maskUpkeep(r.upkeep) : null });
export const maskApplication = (a: Application): Application => ({ ...a, upkeep: maskUpkeep(a.upkeep) });

const looksMasked = (v: string | undefined) => v !== undefined && v.includes('*');

/** The held value whose mask the sent one is, if the sent one looks masked. */
function held(sent: string | undefined, candidates: Array<string | undefined>, mask: (v: string) => string): string | undefined {
  if (!looksMasked(sent)) return sent;
  return candidates.find((c) => c !== undefined && !looksMasked(c) && mask(c) === sent) ?? sent;
}

/** Replaces masked echoes by the values they mask, from what the server holds (newest first). */
export function unmaskUpkeep(sent: UpkeepInfo, holdings: UpkeepInfo[]): UpkeepInfo {
  const addresses = holdings.flatMap((h) => [h.householdAddress.text, h.residenceAddress.text, h.property.address]);
  const phones = holdings.flatMap((h) => h.guardians.map((g) => g.phone));
  const units = holdings.map((h) => h.property.unitNumber);
  const property = { ...sent.property };
  if (property.unitNumber !== undefined) property.unitNumber = held(property.unitNumber, units, maskUnitNumber);
  if (property.address !== undefined) property.address = held(property.address, addresses, maskAddress);
  return {
    ...sent,
    householdAddress: { ...sent.householdAddress, text: held(sent.householdAddress.text, addresses, maskAddress)! },
    residenceAddress: { ...sent.residenceAddress, text: held(sent.residenceAddress.text, addresses, maskAddress)! },
    property,
    guardians: sent.guardians.map((g) => ({ ...g, phone: held(g.phone, phones, maskPhone)! })),
  };
}

/** Fields (form paths) that still carry a mask instead of a value. */
export function maskedFields(u: UpkeepInfo, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const message = '此处是隐藏后的内容，请重新填写完整信息';
  if (looksMasked(u.householdAddress.text)) out[`${prefix}householdAddress.text`] = message;
  if (looksMasked(u.residenceAddress.text)) out[`${prefix}residenceAddress.text`] = message;
  if (looksMasked(u.property.unitNumber)) out[`${prefix}property.unitNumber`] = message;
  if (looksMasked(u.property.address)) out[`${prefix}property.address`] = message;
  u.guardians.forEach((g, i) => {
    if (looksMasked(g.phone)) out[`${prefix}guardians.${i}.phone`] = message;
  });
  return out;
}

/** What the server holds for this parent and child: the kept upkeep and the applications' snapshots. */
export async function holdingsOf(repos: Repositories, account: AccountRecord, childId: string): Promise<UpkeepInfo[]> {
  const kept = await repos.upkeep.get(account.id, childId);
  const apps = (await repos.applications.listByChild(childId)).filter((a) => a.accountId === account.id).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  return [...(kept ? [kept] : []), ...apps.map((a) => a.upkeep)];
}

/**
 * The upkeep a write carries, with masked echoes replaced by the held values; refuses (400) when a
 * field still carries a mask. Anyone but a parent passes through (the use case refuses them).
 */
export async function upkeepForWrite(deps: Deps, ctx: RequestContext, childId: string, sent: UpkeepInfo, prefix = ''): Promise<UpkeepInfo> {
  if (ctx.principal?.kind !== 'parent') return sent;
  const account = ctx.principal.account;
  const looksAnyMasked = Object.keys(maskedFields(sent)).length > 0;
  if (!looksAnyMasked) return sent;
  const upkeep = unmaskUpkeep(sent, await deps.store.read((repos) => holdingsOf(repos, account, childId)));
  refuseFieldErrors(maskedFields(upkeep, prefix), '部分信息是隐藏后的内容，请重新填写完整后再提交');
  return upkeep;
}

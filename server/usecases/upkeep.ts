/**
 * 子女信息维护 (Q10, Q11, Q15, Q17): kept per guardian and child, written only inside the
 * district's upkeep window, reused in one tap at registration; with the shared-data tags beside it.
 */
import type { MaterialCode, SaveUpkeepRequest, UpkeepInfo, UpkeepResponse } from '@contract/api';
import { validateUpkeep } from '@/domain/upkeep';
import type { AccountRecord, Repositories } from '../ports/store';
import { ownChild, parentRequest, requireWindow } from './access';
import type { Deps, RequestContext } from './context';
import { refuseFieldErrors } from './errors';

/**
 * Field errors of an upkeep body (paths as the form names them), checking that every attachment
 * is one of this account's uploads, made for that material. Shared by upkeep and submission.
 */
export async function upkeepFieldErrors(repos: Repositories, account: AccountRecord, body: SaveUpkeepRequest, prefix = ''): Promise<Record<string, string>> {
  // The form's own rule (src/domain/upkeep.ts): the page explains it, the server enforces the same one.
  const errors: Record<string, string> = { ...validateUpkeep(body, prefix) };
  Object.assign(errors, await fileErrors(repos, account, body.attachments, `${prefix}attachments.`));
  return errors;
}

/** Every listed file must be this account's upload for that very material (a file covers one item). */
export async function fileErrors(repos: Repositories, account: AccountRecord, files: Partial<Record<MaterialCode, string[]>>, prefix: string): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const ids = Object.values(files).flatMap((list) => list ?? []);
  if (ids.length === 0) return errors;
  const metas = new Map((await repos.uploads.getMany(ids)).map((m) => [m.fileId, m]));
  for (const [code, list] of Object.entries(files) as Array<[MaterialCode, string[] | undefined]>) {
    for (const id of list ?? []) {
      const meta = metas.get(id);
      if (!meta || meta.accountId !== account.id) errors[`${prefix}${code}`] = '图片已失效，请重新上传';
      else if (meta.materialCode !== code) errors[`${prefix}${code}`] = '图片与材料类型不符，请在对应的材料下重新上传';
    }
    if (new Set(list ?? []).size !== (list ?? []).length) errors[`${prefix}${code}`] = '同一张图片不能重复添加';
  }
  return errors;
}

/** The district an upkeep record belongs to: where the child lives, else where the hukou is. */
export function upkeepDistrict(upkeep: Pick<UpkeepInfo, 'residenceAddress' | 'householdAddress'>): string | null {
  return upkeep.residenceAddress.districtCode ?? upkeep.householdAddress.districtCode ?? null;
}

export async function getUpkeep(deps: Deps, ctx: RequestContext, childId: string): Promise<UpkeepResponse> {
  const account = parentRequest(deps, ctx);
  const upkeep = await deps.store.read(async (repos) => {
    await ownChild(repos, account, childId);
    return repos.upkeep.get(account.id, childId);
  });
  return { upkeep, verification: (await deps.dataSharing.report(account.idNumber, ctx.now)).results };
}

export async function saveUpkeep(deps: Deps, ctx: RequestContext, childId: string, body: SaveUpkeepRequest): Promise<UpkeepResponse> {
  const account = parentRequest(deps, ctx, 'upkeep');
  const upkeep = await deps.store.transaction(async (repos) => {
    await ownChild(repos, account, childId);
    requireWindow(deps, ctx, 'upkeep', upkeepDistrict(body), '本区县子女信息维护');
    refuseFieldErrors(await upkeepFieldErrors(repos, account, body), '请按提示修改后再保存');
    const info: UpkeepInfo = { ...body, updatedAt: ctx.now };
    await repos.upkeep.put(account.id, childId, info);
    return info;
  });
  return { upkeep, verification: (await deps.dataSharing.report(account.idNumber, ctx.now)).results };
}

/** A parent's children: their records, upkeep, materials and report code. */
import {
  routes,
  type AddChildRequest,
  type Child,
  type ChildrenResponse,
  type MaterialsQuery,
  type MaterialsResponse,
  type PublicKeyResponse,
  type ReportCodeResponse,
  type RevealChildResponse,
  type SaveUpkeepRequest,
  type UpdateChildRequest,
  type UpkeepResponse,
} from '@contract/api';
import { call, contract, query } from './call';

export const children = () => call<ChildrenResponse>(routes.children, { schema: contract('ChildrenResponseSchema') });
export const addChild = (req: AddChildRequest) => call<Child>(routes.children, { method: 'POST', body: req, schema: contract('ChildSchema') });
export const updateChild = (childId: string, req: UpdateChildRequest) => call<Child>(routes.child(childId), { method: 'PATCH', body: req, idempotent: true, schema: contract('ChildSchema') });
export const revealChild = (childId: string) => call<RevealChildResponse>(routes.revealChild(childId), { method: 'POST', schema: contract('RevealChildResponseSchema') });
/**
 * The upkeep with whole values, for the form that edits them and the registration that quotes
 * them: the server answers GET upkeep masked and gives whole values only to this logged reveal.
 */
export const upkeep = (childId: string) => call<UpkeepResponse>(routes.revealUpkeep(childId), { method: 'POST', idempotent: true, schema: contract('UpkeepResponseSchema') });
/** The upkeep as the server shows it (phones, addresses, 不动产单元号 masked): for display only. */
export const upkeepMasked = (childId: string) => call<UpkeepResponse>(routes.upkeep(childId), { schema: contract('UpkeepResponseSchema') });
/** The answer carries the kept upkeep masked: the app keeps the whole values it sent, dated by the server. */
export const saveUpkeep = async (childId: string, req: SaveUpkeepRequest) => {
  const answer = await call<UpkeepResponse>(routes.upkeep(childId), { method: 'PUT', body: req, idempotent: true, schema: contract('UpkeepResponseSchema') });
  if (!answer.ok || !answer.data.upkeep) return answer;
  return { ...answer, data: { ...answer.data, upkeep: { ...req, updatedAt: answer.data.upkeep.updatedAt } } };
};
export const materials = (q: MaterialsQuery) => call<MaterialsResponse>(routes.materials + query({ ...q }), { schema: contract('MaterialsResponseSchema') });
export const reportCode = (childId: string) => call<ReportCodeResponse>(routes.reportCode(childId), { schema: contract('ReportCodeResponseSchema') });
export const publicKey = () => call<PublicKeyResponse>(routes.publicKey, { schema: contract('PublicKeyResponseSchema') });

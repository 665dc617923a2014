/**
 * The weapp bridge's device services a page asks for on demand: scanning a report code, a phone
 * call to a 咨询电话, 订阅消息 consent. Loaded with ./media.ts on first use (config/weappContracts.ts).
 */
import type { HostResult, NotifyConsent, NotifyConsentRequest } from '@contract/bridge';
import type { MessageKindName } from '@contract/enums';
import { fail, ok } from '../result';
import { call, fromWxError, type WxApi } from './wx';

export async function makePhoneCall(wxApi: WxApi, phone: string): Promise<HostResult<void>> {
  try {
    await call((o) => wxApi.makePhoneCall(o), { phoneNumber: phone });
    return ok(undefined);
  } catch (error) {
    return fromWxError(error);
  }
}

/** One template per kind, from the host's console; a kind without a template cannot be pushed. */
export async function requestNotifyConsent(wxApi: WxApi, templates: Partial<Record<MessageKindName, string>>, req: NotifyConsentRequest): Promise<HostResult<NotifyConsent>> {
  const asked = req.kinds.filter((k) => templates[k]).map((k) => [k, templates[k]!] as const);
  if (asked.length === 0 || typeof wxApi.requestSubscribeMessage !== 'function') return fail('unavailable', 'no 订阅消息 templates configured');
  try {
    const res = await call<Record<string, string>, object>((o) => wxApi.requestSubscribeMessage!(o as Parameters<NonNullable<WxApi['requestSubscribeMessage']>>[0]), {
      tmplIds: [...new Set(asked.map(([, id]) => id))],
    });
    return ok({ accepted: asked.filter(([, id]) => res[id] === 'accept').map(([k]) => k) });
  } catch (error) {
    return fromWxError(error);
  }
}

export async function scanCode(wxApi: WxApi): Promise<HostResult<string>> {
  try {
    const res = await call<{ result: string }, object>((o) => wxApi.scanCode(o), { onlyFromCamera: true, scanType: ['qrCode'] });
    return ok(res.result);
  } catch (error) {
    return fromWxError(error);
  }
}

/** Messages to the parent and consent to pushes. */
import {
  routes,
  type MessagesResponse,
  type PushConsentRequest,
  type UnreadCount,
} from '@contract/api';
import { call, contract } from './call';

export const messages = () => call<MessagesResponse>(routes.messages, { schema: contract('MessagesResponseSchema') });
export const unreadCount = () => call<UnreadCount>(routes.unreadCount, { schema: contract('UnreadCountSchema') });
export const markMessageRead = (id: string) => call<UnreadCount>(routes.messageRead(id), { method: 'POST', idempotent: true, schema: contract('UnreadCountSchema') });
export const setPushConsent = (req: PushConsentRequest) => call<PushConsentRequest>(routes.pushConsent, { method: 'PUT', body: req, idempotent: true, schema: contract('PushConsentResponseSchema') });

/**
 * 消息 (issue 15): what the server recorded for a parent when something about their application
 * changed, newest first, with what has been read. Only the account's own, personal data masked.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';
import { MESSAGE_KINDS } from './enums';

export const MessageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKindSchema>;

export const MessageSchema = z.strictObject({
  id: IdSchema,
  kind: MessageKindSchema,
  title: z.string(),
  body: z.string(),
  applicationId: IdSchema,
  createdAt: InstantSchema,
  read: z.boolean(),
});
export type Message = z.infer<typeof MessageSchema>;

export const MessagesResponseSchema = z.strictObject({
  messages: z.array(MessageSchema),
  unread: z.number().int().min(0),
});
export type MessagesResponse = z.infer<typeof MessagesResponseSchema>;

export const UnreadCountSchema = z.strictObject({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MessageParamsSchema = z.strictObject({ id: IdSchema });

/** The kinds the parent agreed, in the host's consent sheet, to be pushed (订阅消息). */
export const PushConsentRequestSchema = z.strictObject({ kinds: z.array(MessageKindSchema).max(MESSAGE_KINDS.length) });
export type PushConsentRequest = z.infer<typeof PushConsentRequestSchema>;
export const PushConsentResponseSchema = PushConsentRequestSchema;

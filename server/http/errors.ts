/**
 * Every failure answers the one error shape of types/errors.ts, in Chinese, with the trace id. A
 * request the schemas refuse is 400 with a message per field; the request changed nothing.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { ApiError, ApiErrorBody } from '@contract/errors';
import { ServiceError } from '../usecases/errors';
import { hasOwn } from '../lib/own';

/** Field messages a parent can act on, for the fields a page sends. */
const FIELD_MESSAGES: Record<string, string> = {
  notesAccepted: '请勾选“我已阅读以上申报须知，知晓并确认相关内容”',
  idempotencyKey: '请求缺少幂等键，请刷新后重新提交',
  relationship: '请选择与子女的关系',
  stage: '请选择幼升小或小升初',
  schoolType: '请选择学校类型',
  source: '请选择生源类型',
  nature: '请选择公办或民办',
  districtCode: '请选择当前区域',
  'property.kind': '请选择房产情况',
};

function messageOf(issue: z.core.$ZodIssue, path: string): string {
  const short = path.replace(/^upkeep\./, '');
  const known = hasOwn(FIELD_MESSAGES, path) ? FIELD_MESSAGES[path] : hasOwn(FIELD_MESSAGES, short) ? FIELD_MESSAGES[short] : undefined;
  if (known) return known;
  switch (issue.code) {
    case 'too_big':
      return '内容过长，请精简后重试';
    case 'too_small':
      return '内容过短或为空，请补充';
    case 'unrecognized_keys':
      return '包含无法识别的内容';
    case 'invalid_value':
      return '请从给出的选项中选择';
    case 'invalid_format':
      return '格式不正确';
    default:
      return '格式不正确，请检查后重试';
  }
}

/** zod issues as field errors keyed by the form's paths ("guardians.0.phone"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || 'body'];
    for (const key of keys) if (!hasOwn(out, key)) out[key] = messageOf(issue, key);
  }
  return out;
}

export function errorBody(c: Context, error: ApiError, status: number, headers: Record<string, string> = {}): Response {
  const traceId = (c.get('ctx') as { traceId?: string } | undefined)?.traceId;
  const body: ApiErrorBody = { error: { ...error, ...(traceId ? { traceId } : {}) } };
  if (error.retryAfter !== undefined) headers['Retry-After'] = String(error.retryAfter);
  return c.json(body, status as 400, headers);
}

export function validationFailure(c: Context, error: z.ZodError): Response {
  return errorBody(c, { code: 'VALIDATION', message: '提交的内容格式不正确，请按提示修改后重试', fieldErrors: fieldErrorsOf(error) }, 400);
}

/** The app's onError: typed refusals as they are, framework errors translated, the rest INTERNAL. */
export function onError(log: (line: string) => void) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ServiceError) return errorBody(c, err.error, err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 413) return errorBody(c, { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，请压缩图片或精简后重试' }, 413);
      if (status === 415) return errorBody(c, { code: 'UNSUPPORTED_MEDIA', message: '请求格式不正确，请刷新页面后重试' }, 415);
      if (status === 400) return errorBody(c, { code: 'VALIDATION', message: '提交的内容格式不正确，请刷新页面后重试' }, 400);
      return errorBody(c, { code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试' }, status);
    }
    log(`error ${c.req.method} ${c.req.routePath ?? c.req.path}: ${err.stack ?? err.message}`);
    return errorBody(c, { code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试。您填写的内容已保存。' }, 500);
  };
}

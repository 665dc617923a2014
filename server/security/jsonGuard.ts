/**
 * Hostile JSON stops at the door: before any schema or use case sees a body, it is bounded in
 * size (the body limit in front of this guard, re-checked on the text), in nesting depth, and may
 * not carry a key that could reach an object's prototype (`__proto__`, `constructor`,
 * `prototype`) at any depth, in a body or a query string. A refused request changed nothing.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from '../http/errors';

/** The deepest request the contracts have is 4 levels (submission → upkeep → guardians → one); 16 is generous. */
export const MAX_JSON_DEPTH = 16;
export const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonVerdict = { ok: true } | { ok: false; reason: 'depth' | 'key' | 'syntax' | 'size' };

/** The nesting depth of a JSON text ([ and { outside strings), stopping as soon as it passes `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

/** Thrown from the reviver (a plain object: `instanceof` an Error subclass is unreliable once transpiled). */
const HOSTILE = { hostile: true };

/** Judges a JSON text: too deep, a hostile key anywhere, or not JSON at all. */
export function judgeJson(text: string, maxDepth = MAX_JSON_DEPTH, maxBytes = Infinity): JsonVerdict {
  if (text.length > maxBytes || new TextEncoder().encode(text).length > maxBytes) return { ok: false, reason: 'size' };
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, reason: 'depth' };
  try {
    // The reviver sees every key of every object (own keys as JSON.parse defines them, escapes decoded).
    JSON.parse(text, (key, value: unknown) => {
      if (HOSTILE_KEYS.has(key)) throw HOSTILE;
      return value;
    });
  } catch (e) {
    return { ok: false, reason: e === HOSTILE ? 'key' : 'syntax' };
  }
  return { ok: true };
}

const MESSAGES: Record<Exclude<JsonVerdict, { ok: true }>['reason'], string> = {
  depth: '提交的内容层级过深，请刷新页面后重试',
  key: '提交的内容包含不允许的字段，请刷新页面后重试',
  syntax: '提交的内容格式不正确，请刷新页面后重试',
  size: '提交的内容过大，请压缩图片或精简后重试',
};

export function refuseJson(c: Context, reason: Exclude<JsonVerdict, { ok: true }>['reason']): Response {
  if (reason === 'size') return errorBody(c, { code: 'PAYLOAD_TOO_LARGE', message: MESSAGES.size }, 413);
  return errorBody(c, { code: 'VALIDATION', message: MESSAGES[reason], fieldErrors: { body: MESSAGES[reason] } }, 400);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isJson = (type: string) => /^application\/([a-z0-9.+-]*\+)?json\b/i.test(type.trim());

/**
 * The guard for JSON APIs (mount after the body limit). Non-JSON bodies are left to the route's
 * validator, which refuses a wrong content type with 400.
 */
export function jsonGuard(options: { maxDepth?: number; maxBytes: number }): MiddlewareHandler {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return async (c, next) => {
    // Query strings: no hostile names either (strict query schemas refuse unknown names too).
    const url = new URL(c.req.url);
    for (const name of url.searchParams.keys()) if (HOSTILE_KEYS.has(name)) return refuseJson(c, 'key');
    if (BODY_METHODS.has(c.req.method) && c.req.raw.body && isJson(c.req.header('content-type') ?? '')) {
      // Read once (Hono caches the text; the route's validator parses the same text).
      const text = await c.req.text();
      if (text.length > 0) {
        const verdict = judgeJson(text, maxDepth, options.maxBytes);
        if (!verdict.ok) return refuseJson(c, verdict.reason);
      }
    }
    return next();
  };
}

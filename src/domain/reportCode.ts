/**
 * 报到码 (SPEC Q27): a compact payload signed with Ed25519, verified offline with the year's
 * public key. code = base64url(payload JSON) + "." + base64url(signature over those JSON bytes).
 * The JSON is a fixed-order array, not an object, to keep the QR code small (~250 characters).
 */
import type { ReportCode, ReportCodeCheck, ReportCodePayload } from '@contract/reportCode';
import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { base64urlDecode, base64urlEncode } from '@/lib/base64url';
import { utf8Decode, utf8Encode } from '@/lib/utf8';

export interface KeyPair {
  /** 32-byte Ed25519 secret key, hex. */
  secretKey: string;
  /** 32-byte public key, hex: published for the year. */
  publicKey: string;
}

/** Deterministic key pair for the mock: a 64-hex seed is used as is, anything else is hashed. */
export function generateKeyPair(seedHex: string): KeyPair {
  const secret = /^[0-9a-fA-F]{64}$/.test(seedHex) ? hexToBytes(seedHex.toLowerCase()) : sha256(utf8Encode(seedHex));
  return { secretKey: bytesToHex(secret), publicKey: bytesToHex(ed25519.getPublicKey(secret)) };
}

function encodePayload(p: ReportCodePayload): string {
  return JSON.stringify([p.v, p.app, p.schoolId, p.schoolName, p.child, p.childId, p.year, p.issuedAt]);
}

function decodePayload(json: string): ReportCodePayload | null {
  let a: unknown;
  try {
    a = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(a) || a.length !== 8 || a[0] !== 1) return null;
  const [, app, schoolId, schoolName, child, childId, year, issuedAt] = a;
  if (![app, schoolId, schoolName, child, childId, issuedAt].every((x) => typeof x === 'string')) return null;
  if (typeof year !== 'number' || !Number.isInteger(year)) return null;
  return { v: 1, app, schoolId, schoolName, child, childId, year, issuedAt };
}

export function signReportCode(payload: ReportCodePayload, secretKeyHex: string): ReportCode {
  const secret = hexToBytes(secretKeyHex);
  const body = utf8Encode(encodePayload(payload));
  const sig = ed25519.sign(body, secret);
  return {
    payload,
    code: `${base64urlEncode(body)}.${base64urlEncode(sig)}`,
    publicKey: bytesToHex(ed25519.getPublicKey(secret)),
  };
}

const malformed = (message = '报到码格式不正确，请重新扫描'): ReportCodeCheck => ({ valid: false, reason: 'malformed', message });

/**
 * Offline check a teacher's scanner runs: signature with the published key, then the year.
 * Never throws.
 */
export function verifyReportCode(code: unknown, publicKeyHex: string, expectedYear: number): ReportCodeCheck {
  if (typeof code !== 'string') return malformed();
  const parts = code.trim().split('.');
  if (parts.length !== 2) return malformed();
  const body = base64urlDecode(parts[0]);
  const sig = base64urlDecode(parts[1]);
  if (!body || !sig || sig.length !== 64) return malformed();
  const json = utf8Decode(body);
  const payload = json === null ? null : decodePayload(json);
  if (!payload) return malformed();
  let ok = false;
  try {
    ok = /^[0-9a-fA-F]{64}$/.test(publicKeyHex) && ed25519.verify(sig, body, hexToBytes(publicKeyHex.toLowerCase()));
  } catch {
    ok = false;
  }
  if (!ok) return { valid: false, reason: 'badSignature', message: '报到码签名无效：可能被篡改或不是本系统签发，请家长重新打开报到码', payload };
  if (payload.year !== expectedYear) {
    return { valid: false, reason: 'wrongYear', message: `这是${payload.year}年的报到码，不是${expectedYear}年的，请家长出示本年度报到码`, payload };
  }
  return { valid: true, payload };
}

import fc from 'fast-check';
import type { ReportCodePayload } from '@contract/reportCode';
import { base64urlDecode, base64urlEncode } from '@/lib/base64url';
import { generateKeyPair, signReportCode, verifyReportCode } from './reportCode';

const payload: ReportCodePayload = {
  v: 1,
  app: 'RX2024500112000123',
  schoolId: 'sch-500112-001',
  schoolName: '重庆市渝北区龙溪小学',
  child: '张*明',
  childId: '5001**********1234',
  year: 2024,
  issuedAt: '2024-07-18T10:00:00+08:00',
};
const keys = generateKeyPair('mock-2024');

describe('base64url', () => {
  it('round-trips and matches the RFC alphabet', () => {
    expect(base64urlEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64urlEncode(new Uint8Array([102, 111, 111, 98, 97, 114]))).toBe('Zm9vYmFy');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
      const d = base64urlDecode(base64urlEncode(b));
      return d !== null && d.length === b.length && d.every((x, i) => x === b[i]);
    }));
    expect(base64urlDecode('a')).toBeNull();
    expect(base64urlDecode('ab+/')).toBeNull();
    expect(base64urlDecode('Zh')).toBeNull(); // non-zero leftover bits
  });
});

describe('report code', () => {
  it('key pairs are deterministic', () => {
    expect(generateKeyPair('mock-2024')).toEqual(keys);
    expect(keys.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(generateKeyPair('other').publicKey).not.toBe(keys.publicKey);
    // RFC 8032 test 1: secret 9d61... -> public d75a...
    expect(generateKeyPair('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60').publicKey).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });
  it('signs and verifies offline; short enough for a QR code', () => {
    const rc = signReportCode(payload, keys.secretKey);
    expect(rc.publicKey).toBe(keys.publicKey);
    expect(rc.code.length).toBeLessThan(300);
    expect(rc.code).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(verifyReportCode(rc.code, keys.publicKey, 2024)).toEqual({ valid: true, payload });
  });
  it('rejects tampering, a wrong key and a wrong year', () => {
    const rc = signReportCode(payload, keys.secretKey);
    const forged = signReportCode({ ...payload, schoolName: '重庆市巴蜀小学' }, keys.secretKey).code.split('.')[0] + '.' + rc.code.split('.')[1];
    expect(verifyReportCode(forged, keys.publicKey, 2024)).toMatchObject({ valid: false, reason: 'badSignature', message: '报到码签名无效：可能被篡改或不是本系统签发，请家长重新打开报到码' });
    expect(verifyReportCode(rc.code, generateKeyPair('x').publicKey, 2024)).toMatchObject({ valid: false, reason: 'badSignature' });
    expect(verifyReportCode(rc.code, keys.publicKey, 2025)).toEqual({
      valid: false, reason: 'wrongYear', message: '这是2024年的报到码，不是2025年的，请家长出示本年度报到码', payload,
    });
    expect(verifyReportCode('nonsense', keys.publicKey, 2024)).toEqual({ valid: false, reason: 'malformed', message: '报到码格式不正确，请重新扫描' });
  });
  it('every single-character change is rejected', () => {
    const rc = signReportCode(payload, keys.secretKey);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 0; i < rc.code.length; i += 3) {
      const c = alphabet[(alphabet.indexOf(rc.code[i]) + 7) % alphabet.length];
      const changed = rc.code.slice(0, i) + c + rc.code.slice(i + 1);
      expect(verifyReportCode(changed, keys.publicKey, 2024).valid).toBe(false);
    }
  });
  it('random input never throws', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (code, key) => {
      const r = verifyReportCode(code, key, 2024);
      return r.valid === false;
    }), { numRuns: 1000 });
  });
});

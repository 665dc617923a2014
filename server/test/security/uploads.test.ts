/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * Uploads are what they claim (issue 12, property 8), attacked over HTTP: files that only start
 * like an image, truncated images, polyglots (an archive, a PDF or HTML appended, a script in the
 * metadata), documents under an image name, images too small or too large and a decompression
 * bomb are refused; what is kept is stored under its sha256, downloaded as a nosniff attachment,
 * counted against the parent's quota, and a replay does not store a second file.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { deflateSync } from 'node:zlib';
import type { EnrolmentServer } from '../../compose';
import { sampleJpeg, samplePng } from '../../lib/sampleImages';
import { devServer, httpClient, openTestStore, setupServer } from '../harness';

const { server, call, login } = setupServer();

const text = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

/** A PNG chunk with a correct CRC (so only the content decides). */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = cat(text(type), data);
  let c = 0xffffffff;
  for (const b of body) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  const crc = (c ^ 0xffffffff) >>> 0;
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, data.length);
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, crc);
  return cat(len, body, tail);
}
const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function ihdr(width: number, height: number): Uint8Array {
  const d = new Uint8Array(13);
  const v = new DataView(d.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  d.set([8, 6, 0, 0, 0], 8);
  return chunk('IHDR', d);
}
/** A PNG with one extra chunk inserted before IEND. */
function pngWith(extra: Uint8Array): Uint8Array {
  const png = samplePng(240, 240);
  return cat(png.subarray(0, png.length - 12), extra, png.subarray(png.length - 12));
}
/** A JPEG with a COM segment right after SOI. */
function jpegWithComment(comment: string): Uint8Array {
  const j = sampleJpeg(320, 240);
  const c = text(comment);
  const seg = cat(Uint8Array.from([0xff, 0xfe, (c.length + 2) >> 8, (c.length + 2) & 255]), c);
  return cat(j.subarray(0, 2), seg, j.subarray(2));
}

const up = (auth: Record<string, string>, bytes: Uint8Array, extra: Record<string, string> = {}) => call('POST', '/api/v1/uploads', bytes, { ...auth, 'X-Material-Code': 'householdRegister', ...extra });
const uploadsOf = () => server().deps.store.read((r) => r.uploads.listAll(1000));

describe('what is accepted', () => {
  test.each([
    ['the e2e photo size (900x600 JPEG)', sampleJpeg(900, 600)],
    ['what the app sends after compression (1800x1350 JPEG, q 0.8)', sampleJpeg(1800, 1350, 1, 80)],
    ['a PNG at the minimum edge (200x200)', samplePng(200, 200)],
    ['a JPEG with a few padding bytes after EOI', cat(sampleJpeg(320, 240), new Uint8Array(8))],
  ])('%s', async (_name, bytes) => {
    const auth = await login();
    const r = await up(auth, bytes);
    expect(r.status).toBe(201);
  });
});

describe('what is refused (and nothing is stored)', () => {
  const JPEG = sampleJpeg(320, 240);
  const PNG = samplePng(240, 240);
  const HEADER_ONLY_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x40, 0x01, 0x30, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
  const rows: Array<[string, Uint8Array, number, string]> = [
    ['magic bytes and a frame header only (no scan)', HEADER_ONLY_JPEG, 415, '损坏'],
    ['a truncated JPEG', JPEG.subarray(0, JPEG.length - 200), 415, '损坏'],
    ['a JPEG with its scan data scrambled', cat(JPEG.subarray(0, 700), new Uint8Array(2000).fill(0xff), JPEG.subarray(JPEG.length - 2)), 415, '损坏'],
    ['a PNG with a broken CRC', (() => { const p = PNG.slice(); p[30] ^= 0xff; return p; })(), 415, '损坏'],
    ['a PNG whose pixel data does not inflate', cat(PNG_SIGNATURE, ihdr(240, 240), chunk('IDAT', text('not deflate at all')), chunk('IEND', new Uint8Array(0))), 415, '损坏'],
    ['JPEG + ZIP appended', cat(JPEG, text('PK\x03\x04\x14\x00\x00\x00evil.html'), new Uint8Array(100)), 415, '不属于图片'],
    ['JPEG + HTML appended', cat(JPEG, text('<html><script>alert(document.cookie)</script></html>')), 415, '不属于图片'],
    ['PNG + PDF appended', cat(PNG, text('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')), 415, '不属于图片'],
    ['a script in a JPEG comment', jpegWithComment('<script src=//evil.example/x.js></script>'), 415, '不属于图片'],
    ['HTML in a PNG text chunk', pngWith(chunk('tEXt', text('Comment\x00<!DOCTYPE html><body onload=alert(1)>'))), 415, '不属于图片'],
    ['a private PNG chunk (data smuggled in)', pngWith(chunk('ruSt', text('payload'))), 415, '不属于图片'],
    ['an animated PNG control chunk', pngWith(chunk('acTL', new Uint8Array(8))), 415, '不属于图片'],
    ['a PDF named photo.jpg', text('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF'), 415, '只能上传'],
    ['an SVG', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 415, '只能上传'],
    ['a GIF', text('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 415, '只能上传'],
    ['a WebP (not decodable by the server)', cat(text('RIFF'), new Uint8Array([30, 0, 0, 0]), text('WEBPVP8 '), new Uint8Array(22)), 415, '只能上传'],
    ['a ZIP', cat(text('PK\x03\x04'), new Uint8Array(60)), 415, '只能上传'],
    ['an image under 200 px on one edge', samplePng(199, 400), 400, '尺寸过小'],
    ['a header claiming 9000x9000 (refused before decoding)', cat(PNG_SIGNATURE, ihdr(9000, 9000), chunk('IDAT', new Uint8Array(deflateSync(new Uint8Array(100)))), chunk('IEND', new Uint8Array(0))), 413, '尺寸过大'],
    ['a decompression bomb (300x300 header, 20 MB of pixels)', cat(PNG_SIGNATURE, ihdr(300, 300), chunk('IDAT', new Uint8Array(deflateSync(new Uint8Array(20 * 1024 * 1024)))), chunk('IEND', new Uint8Array(0))), 413, '尺寸过大'],
  ];
  test.each(rows)('%s', async (_name, bytes, status, words) => {
    const auth = await login();
    const before = await uploadsOf();
    const r = await up(auth, bytes, { 'X-File-Name': 'photo.jpg' });
    expect(r.status).toBe(status);
    expect(r.data.error.message).toContain(words);
    expect(r.data.error.fieldErrors.file).toBeDefined();
    expect(await uploadsOf()).toEqual(before);
  });
});

describe('what is kept', () => {
  test('is stored under its sha256 (one blob for the same bytes) and downloaded as a nosniff attachment', async () => {
    const auth = await login();
    const bytes = sampleJpeg(400, 300, 7);
    const a = await up(auth, bytes);
    const b = await call('POST', '/api/v1/uploads', bytes, { ...auth, 'X-Material-Code': 'guardianId' });
    expect([a.status, b.status]).toEqual([201, 201]);
    const hash = bytesToHex(sha256(bytes));
    const metas = await server().deps.store.read(async (r) => [await r.uploads.get(a.data.fileId), await r.uploads.get(b.data.fileId)]);
    expect(metas.map((m) => m!.sha256)).toEqual([hash, hash]);
    const blob = await server().deps.store.read((r) => r.blobs.get(hash));
    expect(Array.from(blob!)).toEqual(Array.from(bytes));
    const got = await call('GET', a.data.url, undefined, auth);
    expect(got.status).toBe(200);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(a.data).toMatchObject({ width: 400, height: 300, mime: 'image/jpeg' });
  });

  test('a replay with the same idempotency key answers the first file and stores nothing new; another image under that key is 409', async () => {
    const auth = await login();
    const bytes = sampleJpeg(400, 300, 9);
    const first = await up(auth, bytes, { 'Idempotency-Key': 'up-1' });
    expect(first.status).toBe(201);
    const count = (await uploadsOf()).length;
    const [again, concurrent] = await Promise.all([up(auth, bytes, { 'Idempotency-Key': 'up-1' }), up(auth, bytes, { 'Idempotency-Key': 'up-1' })]);
    expect([again.status, concurrent.status]).toEqual([200, 200]);
    expect([again.data.fileId, concurrent.data.fileId]).toEqual([first.data.fileId, first.data.fileId]);
    expect((await uploadsOf()).length).toBe(count);
    const other = await up(auth, sampleJpeg(400, 300, 10), { 'Idempotency-Key': 'up-1' });
    expect(other.status).toBe(409);
    expect((await uploadsOf()).length).toBe(count);
  });
});

describe('per-parent quota', () => {
  const small = httpClient(() => quotaServer);
  let quotaServer: EnrolmentServer;
  beforeAll(async () => {
    quotaServer = await devServer(await openTestStore(), { policy: { maxUploadFiles: 3, maxUploadBytes: 10 * 1024 * 1024 } });
    await quotaServer.dev!.qa.reset();
  });

  test('the fourth file of one parent is refused in Chinese; another parent still uploads', async () => {
    const auth = await small.login('two-children');
    for (let i = 0; i < 3; i++) expect((await small.call('POST', '/api/v1/uploads', samplePng(240, 240, i), { ...auth, 'X-Material-Code': 'householdRegister' })).status).toBe(201);
    const over = await small.call('POST', '/api/v1/uploads', samplePng(240, 240, 3), { ...auth, 'X-Material-Code': 'householdRegister' });
    expect(over.status).toBe(413);
    expect(over.data.error.message).toContain('已达到上限');
    const other = await small.login('migrant');
    expect((await small.call('POST', '/api/v1/uploads', samplePng(240, 240, 4), { ...other, 'X-Material-Code': 'householdRegister' })).status).toBe(201);
  });
});

import { utf16beHex } from './pdfWriter';
import { noticePdf } from './noticePdf';
import type { AdmissionNotice } from '@contract/reportCode';

const notice: AdmissionNotice = {
  applicationId: 'A2024000001',
  applicationNumber: 'RX2024500112000001',
  childName: '王子涵',
  childNameMasked: '王*涵',
  childIdMasked: '5001**********004X',
  schoolName: '重庆市渝北区龙溪小学校',
  schoolAddress: '重庆市渝北区龙溪街道金龙路12号',
  reportDate: '2024-08-30',
  issuedAt: '2024-07-16T10:00:00+08:00',
  reportCode: { payload: {} as never, code: 'eyJ0ZXN0IjoxfQ.c2ln', publicKey: 'ab' },
};

const text = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

describe('notice PDF', () => {
  const pdf = text(noticePdf(notice));

  test('starts with %PDF- and ends with %%EOF', () => {
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  test('the xref offsets point at each object and startxref at the xref', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const [, count] = /xref\n0 (\d+)\n/.exec(pdf.slice(startxref))!;
    const entries = pdf.slice(startxref).split('\n').slice(3, 2 + Number(count));
    expect(entries).toHaveLength(Number(count) - 1);
    entries.forEach((line, i) => {
      const offset = Number(line.slice(0, 10));
      expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
    const streamStart = pdf.indexOf('stream\n') + 7;
    expect(pdf.slice(streamStart + length, streamStart + length + 10)).toBe('\nendstream');
  });

  test('uses STSong-Light with UniGB-UCS2-H and contains the school name as UTF-16BE', () => {
    expect(pdf).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(pdf).toContain('/Registry (Adobe) /Ordering (GB1) /Supplement 2');
    expect(utf16beHex('渝北')).toBe('6E1D5317');
    expect(pdf).toContain(utf16beHex('重庆市渝北区龙溪小学校'));
  });

  test('names the child in full (the reviewed name), so a school can match the notice to the child', () => {
    expect(pdf).toContain(utf16beHex('王子涵 同学'));
    expect(pdf).not.toContain(utf16beHex('王*涵'));
  });

  test('draws the QR code as filled rectangles', () => {
    const rects = pdf.match(/ re\n/g) ?? [];
    expect(rects.length).toBeGreaterThan(50);
    expect(pdf).toContain('\nf\n');
  });
});

import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import QRCode from 'qrcode';
import UPNG from 'upng-js';
import { QrImage, qrPng, QUIET_ZONE } from './index';
import { base64 } from './png';

const CODE = 'eyJ2IjoxLCJhcHAiOiJSWDIwMjQ1MDAxMTIwMDAxMjMifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

function fromDataUrl(url: string): Uint8Array {
  return Uint8Array.from(Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

describe('QrImage', () => {
  it('base64 matches the platform encoder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('draws every module black on white with a quiet zone of 4 modules, as one small PNG', () => {
    const scale = 3;
    const { modules } = QRCode.create(CODE, { errorCorrectionLevel: 'M' });
    const qr = qrPng(CODE, scale);
    expect(qr.modules).toBe(modules.size + 2 * QUIET_ZONE);
    expect(qr.bytes).toBeLessThan(4096);
    const png = fromDataUrl(qr.dataUrl);
    const img = UPNG.decode(png.buffer as ArrayBuffer);
    expect(img.width).toBe(qr.pixels);
    const rgba = new Uint8Array(UPNG.toRGBA8(img)[0]);
    const dark = (row: number, col: number) => rgba[((row * scale + 1) * qr.pixels + col * scale + 1) * 4] === 0;
    for (let r = 0; r < qr.modules; r++) {
      for (let c = 0; c < qr.modules; c++) {
        const inside = r >= QUIET_ZONE && c >= QUIET_ZONE && r < qr.modules - QUIET_ZONE && c < qr.modules - QUIET_ZONE;
        expect(dark(r, c)).toBe(inside && modules.get(r - QUIET_ZONE, c - QUIET_ZONE) === 1);
      }
    }
  });

  it('renders one image with an accessible name and whole-pixel modules', () => {
    render(<QrImage code={CODE} width={300} label='报到码二维码' />);
    const box = screen.getByRole('img', { name: '报到码二维码' });
    const size = Number(box.getAttribute('data-modules'));
    expect(box.style.width).toBe(`${Math.floor(300 / size) * size}px`);
    const images = box.querySelectorAll('taro-image-core, img');
    expect(images.length).toBeGreaterThanOrEqual(1);
    // The picture is hidden from assistive technology (the box carries the label); no module views.
    expect(images[0].getAttribute('aria-hidden')).toBe('true');
    expect(box.querySelectorAll('taro-view-core')).toHaveLength(0);
  });
});

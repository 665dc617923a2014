import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import QRCode from 'qrcode';
import { QrMatrix, qrRows, QUIET_ZONE } from './index';

const CODE = 'eyJ2IjoxLCJhcHAiOiJSWDIwMjQ1MDAxMTIwMDAxMjMifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

describe('QrMatrix', () => {
  it('keeps every module of the QR code and a white quiet zone of 4 modules', () => {
    const { modules } = QRCode.create(CODE, { errorCorrectionLevel: 'M' });
    const { size, rows } = qrRows(CODE);
    expect(size).toBe(modules.size + 2 * QUIET_ZONE);
    for (const runs of rows) expect(runs.reduce((n, run) => n + run.length, 0)).toBe(size);
    for (let r = 0; r < QUIET_ZONE; r++) expect(rows[r]).toEqual([{ dark: false, length: size }]);
    for (const runs of rows) {
      expect(runs[0].dark).toBe(false);
      expect(runs[0].length).toBeGreaterThanOrEqual(QUIET_ZONE);
    }
    const cells = rows.map((runs) => runs.flatMap((run) => Array<boolean>(run.length).fill(run.dark)));
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) expect(cells[r + QUIET_ZONE][c + QUIET_ZONE]).toBe(modules.get(r, c) === 1);
    }
  });

  it('renders black on white with whole-pixel modules and an accessible name', () => {
    render(<QrMatrix code={CODE} width={300} label='报到码二维码' />);
    const img = screen.getByRole('img', { name: '报到码二维码' });
    const size = Number(img.getAttribute('data-modules'));
    const px = Math.floor(300 / size);
    expect(img.style.width).toBe(`${px * size}px`);
    expect(img.style.background).toMatch(/#ffffff|rgb\(255, 255, 255\)/);
    const dark = img.querySelectorAll('[data-dark="1"]');
    expect(dark.length).toBeGreaterThan(0);
    expect((dark[0] as HTMLElement).style.background).toMatch(/#000000|rgb\(0, 0, 0\)/);
  });
});

import { loadImage, createCanvas } from '@napi-rs/canvas';

/** Width and height from the IHDR chunk, which always starts at byte 16 of a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Luminance variance over all pixels: a blank (or all-white) image is close to zero. */
export async function pixelStats(
  png: Buffer,
): Promise<{ variance: number; corner: number[]; nonWhite: number }> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let sum = 0;
  let sumSq = 0;
  let nonWhite = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    sum += y;
    sumSq += y * y;
    if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) nonWhite++;
  }
  const mean = sum / n;
  return { variance: sumSq / n - mean * mean, corner: [data[0], data[1], data[2], data[3]], nonWhite };
}

import { describe, expect, it } from 'vitest';
import { fitWithin, isImageType, needsReencode } from './image';

describe('photo sizes', () => {
  it('scales the longest side down to 1600 px, keeping proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 10)).toEqual({ width: 1600, height: 2 });
    expect(fitWithin(0, 10)).toEqual({ width: 0, height: 0 });
  });

  it('redraws big or other pictures as JPEG and sends small JPEG and PNG as they are', () => {
    expect(needsReencode('image/jpeg', 300_000, 1200, 900)).toBe(false);
    expect(needsReencode('image/png', 50_000, 200, 200)).toBe(false);
    expect(needsReencode('image/jpeg', 3_500_000, 1200, 900)).toBe(true);
    expect(needsReencode('image/jpeg', 300_000, 4032, 3024)).toBe(true);
    expect(needsReencode('image/heic', 300_000, 800, 600)).toBe(true);
    expect(needsReencode('image/webp', 300_000, 800, 600)).toBe(true);
  });

  it('knows a picture by its type', () => {
    expect(isImageType('image/jpeg')).toBe(true);
    expect(isImageType('application/pdf')).toBe(false);
  });
});

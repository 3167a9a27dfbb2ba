import { describe, expect, it } from 'vitest';
import { copyText } from './clipboard';

describe('copyText', () => {
  it('writes the text and says it worked', async () => {
    const written: string[] = [];
    await expect(copyText('Hej', { writeText: async (t) => void written.push(t) })).resolves.toBe(true);
    expect(written).toEqual(['Hej']);
  });

  it('says it failed when the browser refuses, throws or has no clipboard', async () => {
    await expect(copyText('x', { writeText: () => Promise.reject(new Error('denied')) })).resolves.toBe(false);
    await expect(
      copyText('x', {
        writeText: () => {
          throw new Error('not allowed');
        },
      }),
    ).resolves.toBe(false);
    await expect(copyText('x', undefined)).resolves.toBe(false);
  });
});

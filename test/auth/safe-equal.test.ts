import { createHash } from 'node:crypto';
import { digest, safeEqual } from '../../src/auth/safe-equal.js';

const safeEqualText = (a: string, b: string): boolean => safeEqual(digest(a), digest(b));

describe('safeEqual, and texts compared by digest', () => {
  it('compares bytes, and answers false (never throws) for different lengths', () => {
    expect(safeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(safeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(safeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
    expect(safeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('compares texts of any length, UTF-8 included', () => {
    expect(safeEqualText('s3cret', 's3cret')).toBe(true);
    expect(safeEqualText('s3cret', 's3creT')).toBe(false);
    expect(safeEqualText('s3cret', 's3cret-but-longer')).toBe(false);
    expect(safeEqualText('', '')).toBe(true);
    expect(safeEqualText('パスワード', 'パスワード')).toBe(true);
    expect(safeEqualText('パスワード', 'パスワー')).toBe(false);
  });

  it('digests as SHA-256 of the UTF-8 text', () => {
    for (const text of ['bench-key-current', 'clé-🔑', '']) expect(digest(text)).toEqual(createHash('sha256').update(text, 'utf8').digest());
  });
});

import { describe, expect, it } from '@jest/globals';

import { formatFileType, formatNumber } from './format';

describe('formatNumber', () => {
  it('writes decimals with a comma and groups thousands', () => {
    expect(formatNumber(0.5)).toBe('0,5');
    // fr-FR groups digits with a narrow no-break space (U+202F).
    expect(formatNumber(10000)).toBe('10\u202f000');
    expect(formatNumber(-1234.75)).toBe('-1\u202f234,75');
  });

  it('keeps every fraction digit of a bound', () => {
    expect(formatNumber(0.125)).toBe('0,125');
    expect(formatNumber(3.14159)).toBe('3,14159');
    expect(formatNumber(12)).toBe('12');
  });
});

describe('formatFileType', () => {
  it('names every accepted type in French', () => {
    expect(formatFileType('application/pdf')).toBe('PDF');
    expect(formatFileType('image/png')).toBe('Image PNG');
    expect(formatFileType('image/jpeg')).toBe('Image JPEG');
    expect(formatFileType('image/gif')).toBe('Image GIF');
    expect(formatFileType('image/webp')).toBe('Image WebP');
    expect(
      formatFileType('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('Document Word');
    expect(
      formatFileType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ).toBe('Tableur Excel');
    expect(
      formatFileType('application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    ).toBe('Présentation PowerPoint');
    expect(formatFileType('application/vnd.oasis.opendocument.text')).toBe('Document OpenDocument');
    expect(formatFileType('application/vnd.oasis.opendocument.spreadsheet')).toBe(
      'Tableur OpenDocument',
    );
    expect(formatFileType('application/vnd.oasis.opendocument.presentation')).toBe(
      'Présentation OpenDocument',
    );
  });

  it('ignores parameters and case', () => {
    expect(formatFileType('Application/PDF; charset=binary')).toBe('PDF');
  });

  it('falls back to the MIME type', () => {
    expect(formatFileType('text/plain')).toBe('text/plain');
  });
});

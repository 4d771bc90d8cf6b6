/**
 * Builds a valid one-page PDF 1.4 file showing a few lines of text in Helvetica, with a correct
 * cross-reference table, so uploads carry real documents that any viewer opens.
 */
export function buildMinimalPdf(title: string, lines: string[] = []): Buffer {
  const textLines = [title, '', ...lines].map(toPdfText);
  const operations = ['BT', '/F1 14 Tf', '16 TL', '56 780 Td'];
  for (const line of textLines) {
    operations.push(`(${line}) Tj T*`);
  }
  operations.push('ET');
  const content = operations.join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' +
      '/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title (${toPdfText(title)}) /Producer (TPS scenario) >>`,
  ];

  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) {
    pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\n`;
  pdf += `startxref\n${xrefOffset}\n%%EOF\n`;

  return Buffer.from(pdf, 'latin1');
}

/**
 * Escapes a string for a PDF literal. Characters outside Latin-1 (typographic apostrophes,
 * dashes) become their ASCII look-alikes because the font uses WinAnsi encoding.
 */
function toPdfText(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\xff]/g, '?')
    .replace(/([\\()])/g, '\\$1');
}

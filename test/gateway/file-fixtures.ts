import { crc32, deflateRawSync } from 'node:zlib';

interface ZipEntry {
  name: string;
  content: string | Buffer;
  /** Deflate the entry (method 8) instead of storing it (method 0). */
  deflate?: boolean;
}

/** Writes a minimal ZIP archive (no ZIP64, no data descriptors), enough for office-file fixtures. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.deflate ? 8 : 0;
    const checksum = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, directory, end]);
}

function contentTypes(mainPartType: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/main.xml" ContentType="${mainPartType}"/></Types>`
  );
}

export const FIXTURES = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  webp: Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([26, 0, 0, 0]),
    Buffer.from('WEBPVP8 '),
    Buffer.alloc(14),
  ]),
  docx: zip([
    {
      name: '[Content_Types].xml',
      content: contentTypes(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
      deflate: true,
    },
    { name: 'word/document.xml', content: '<w:document/>', deflate: true },
  ]),
  xlsx: zip([
    { name: 'xl/workbook.xml', content: '<workbook/>' },
    {
      name: '[Content_Types].xml',
      content: contentTypes(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      ),
    },
  ]),
  pptx: zip([
    {
      name: '[Content_Types].xml',
      content: contentTypes(
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      ),
      deflate: true,
    },
  ]),
  xlsm: zip([
    {
      name: '[Content_Types].xml',
      content: contentTypes('application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
      deflate: true,
    },
  ]),
  odt: zip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', content: '<office:document-content/>', deflate: true },
  ]),
  ods: zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }]),
  odp: zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.presentation' }]),
  plainZip: zip([{ name: 'notes.txt', content: 'bonjour', deflate: true }]),
  html: Buffer.from('<!doctype html><script>alert(1)</script>'),
  exe: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  text: Buffer.from('%PD pas tout à fait un PDF'),
};

import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

/** A type the gateway accepts, as detected from the file's bytes. */
export interface DetectedFileType {
  mime: string;
  extension: string;
}

const PDF: DetectedFileType = { mime: 'application/pdf', extension: 'pdf' };
const PNG: DetectedFileType = { mime: 'image/png', extension: 'png' };
const JPEG: DetectedFileType = { mime: 'image/jpeg', extension: 'jpg' };
const GIF: DetectedFileType = { mime: 'image/gif', extension: 'gif' };
const WEBP: DetectedFileType = { mime: 'image/webp', extension: 'webp' };

/** OpenDocument files name their type in a first, uncompressed entry called `mimetype`. */
const OPEN_DOCUMENT_TYPES: Record<string, DetectedFileType> = {
  'application/vnd.oasis.opendocument.text': {
    mime: 'application/vnd.oasis.opendocument.text',
    extension: 'odt',
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
  },
  'application/vnd.oasis.opendocument.presentation': {
    mime: 'application/vnd.oasis.opendocument.presentation',
    extension: 'odp',
  },
};

/** Office Open XML files declare their main part's content type in `[Content_Types].xml`. */
const OFFICE_OPEN_XML_TYPES: Array<[string, DetectedFileType]> = [
  [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    {
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    },
  ],
  [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    {
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    },
  ],
  [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    {
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
    },
  ],
];

const HEAD_BYTES = 64;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
/** End-of-central-directory record (22 bytes) plus the largest archive comment. */
const EOCD_SEARCH_BYTES = 22 + 0xffff;
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

/**
 * Detects the type of a file from its content, never from its name or the client's
 * Content-Type. Accepted: PDF, PNG, JPEG, GIF, WebP and the ZIP-based office formats (DOCX,
 * XLSX, PPTX, ODT, ODS, ODP). Anything else returns null, a plain ZIP included.
 */
export async function detectFileType(path: string): Promise<DetectedFileType | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = await readAt(file, 0, Math.min(HEAD_BYTES, size));
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
      return PDF;
    }
    if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
      return PNG;
    }
    if (startsWith(head, [0xff, 0xd8, 0xff])) {
      return JPEG;
    }
    if (
      head.subarray(0, 6).toString('latin1') === 'GIF87a' ||
      head.subarray(0, 6).toString('latin1') === 'GIF89a'
    ) {
      return GIF;
    }
    if (
      head.subarray(0, 4).toString('latin1') === 'RIFF' &&
      head.subarray(8, 12).toString('latin1') === 'WEBP'
    ) {
      return WEBP;
    }
    if (head.length >= 30 && head.readUInt32LE(0) === LOCAL_HEADER_SIGNATURE) {
      return (await detectOpenDocument(file, head)) ?? (await detectOfficeOpenXml(file, size));
    }

    return null;
  } finally {
    await file.close();
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await file.read(buffer, 0, buffer.length, position);

  return buffer.subarray(0, bytesRead);
}

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte);
}

/** ODF requires `mimetype` to be the first entry, stored without compression. */
async function detectOpenDocument(
  file: FileHandle,
  head: Buffer,
): Promise<DetectedFileType | null> {
  const method = head.readUInt16LE(8);
  const compressedSize = head.readUInt32LE(18);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const name = (await readAt(file, 30, nameLength)).toString('latin1');
  if (name !== 'mimetype' || method !== 0 || compressedSize > 200) {
    return null;
  }
  const mimetype = (await readAt(file, 30 + nameLength + extraLength, compressedSize)).toString(
    'latin1',
  );

  return OPEN_DOCUMENT_TYPES[mimetype] ?? null;
}

/** Finds `[Content_Types].xml` through the central directory and reads the main part's type. */
async function detectOfficeOpenXml(
  file: FileHandle,
  size: number,
): Promise<DetectedFileType | null> {
  const tailStart = Math.max(0, size - EOCD_SEARCH_BYTES);
  const tail = await readAt(file, tailStart, size - tailStart);
  let eocd = -1;
  for (let index = tail.length - 22; index >= 0; index -= 1) {
    if (tail.readUInt32LE(index) === EOCD_SIGNATURE) {
      eocd = index;
      break;
    }
  }
  if (eocd < 0) {
    return null;
  }
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > size) {
    return null;
  }
  const directory = await readAt(file, directoryOffset, directorySize);
  const entry = findCentralEntry(directory, '[Content_Types].xml');
  if (!entry || entry.compressedSize > MAX_CONTENT_TYPES_BYTES) {
    return null;
  }
  const local = await readAt(file, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
    return null;
  }
  const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = await readAt(file, dataStart, entry.compressedSize);
  let xml: string;
  try {
    xml = (
      entry.method === 8
        ? inflateRawSync(data, { maxOutputLength: 4 * MAX_CONTENT_TYPES_BYTES })
        : data
    ).toString('utf8');
  } catch {
    return null;
  }

  return OFFICE_OPEN_XML_TYPES.find(([partType]) => xml.includes(`"${partType}"`))?.[1] ?? null;
}

interface CentralEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function findCentralEntry(directory: Buffer, entryName: string): CentralEntry | null {
  let offset = 0;
  while (
    offset + 46 <= directory.length &&
    directory.readUInt32LE(offset) === CENTRAL_ENTRY_SIGNATURE
  ) {
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const name = directory.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (name === entryName) {
      return {
        method: directory.readUInt16LE(offset + 10),
        compressedSize: directory.readUInt32LE(offset + 20),
        localHeaderOffset: directory.readUInt32LE(offset + 42),
      };
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }

  return null;
}

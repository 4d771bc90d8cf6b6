import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { detectFileType } from '../../apps/gateway/src/uploads/file-type-sniffer';
import { FIXTURES } from './file-fixtures';

describe('detectFileType', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tps-sniffer-'));

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  async function detect(name: keyof typeof FIXTURES | 'empty'): Promise<string | null> {
    const path = join(directory, name);
    writeFileSync(path, name === 'empty' ? Buffer.alloc(0) : FIXTURES[name]);

    return (await detectFileType(path))?.mime ?? null;
  }

  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['odp', 'application/vnd.oasis.opendocument.presentation'],
  ] as const)('detects %s', async (name, mime) => {
    await expect(detect(name)).resolves.toBe(mime);
  });

  it.each(['plainZip', 'xlsm', 'html', 'exe', 'text', 'empty'] as const)(
    'rejects %s',
    async (name) => {
      await expect(detect(name)).resolves.toBeNull();
    },
  );

  it('rejects a truncated ZIP', async () => {
    const path = join(directory, 'truncated');
    writeFileSync(path, FIXTURES.docx.subarray(0, 40));

    await expect(detectFileType(path)).resolves.toBeNull();
  });
});

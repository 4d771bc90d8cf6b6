import 'reflect-metadata';

import { ErrorCode } from '@tps/contracts';

import { decodeCursor, encodeCursor } from './dossier-cursor';

describe('dossier cursor', () => {
  const cursor = {
    updatedAt: '2026-12-04T12:40:19.123456Z',
    id: '9d51e8e2-981e-428d-8fbb-ef48f047d52c',
  };

  it('round-trips through its encoded form', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    [
      'a timestamp without microseconds',
      encodeCursor({ ...cursor, updatedAt: '2026-12-04T12:40:19Z' }),
    ],
    ['an id that is no uuid', encodeCursor({ ...cursor, id: "1' OR '1'='1" })],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
  ])('rejects %s', (_case, encoded) => {
    expect(() => decodeCursor(encoded)).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
  });
});

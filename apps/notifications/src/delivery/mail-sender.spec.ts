import { isLocalPlainSmtp } from './mail-sender';

describe('isLocalPlainSmtp', () => {
  it.each([
    ['smtp://127.0.0.1:1025', true],
    ['smtp://localhost:25', true],
    ['smtp://[::1]:1025', true],
    ['smtp://smtp.exemple.fr:587', false],
    ['smtps://127.0.0.1:465', false],
  ])('%s → %s', (url, expected) => {
    expect(isLocalPlainSmtp(url)).toBe(expected);
  });
});

import { loadConfig } from '@tps/platform';

import { GatewayConfig, isCookieSecure } from './gateway.config';

describe('GatewayConfig', () => {
  it.each([
    [{}, false],
    [{ PUBLIC_URL: 'http://127.0.0.1:3000' }, false],
    [{ PUBLIC_URL: 'https://tps.example.gouv.fr' }, true],
    [{ PUBLIC_URL: 'http://tps.intranet' }, true],
    [{ PUBLIC_URL: 'https://tps.example.gouv.fr', COOKIE_SECURE: 'false' }, false],
    [{ COOKIE_SECURE: 'true' }, true],
  ])('resolves the Secure flag for %p', (env, expected) => {
    expect(isCookieSecure(loadConfig(GatewayConfig, env))).toBe(expected);
  });

  it('converts numbers from text', () => {
    const config = loadConfig(GatewayConfig, {
      MAX_UPLOAD_BYTES: '1024',
      SIGN_IN_MAX_FAILURES: '3',
    });

    expect(config.MAX_UPLOAD_BYTES).toBe(1024);
    expect(config.SIGN_IN_MAX_FAILURES).toBe(3);
  });

  it('rejects an invalid COOKIE_SECURE', () => {
    expect(() => loadConfig(GatewayConfig, { COOKIE_SECURE: 'peut-être' })).toThrow(
      /COOKIE_SECURE/,
    );
  });
});

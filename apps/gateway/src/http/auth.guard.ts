import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, ErrorCode } from '@tps/contracts';
import { DomainError, HealthController } from '@tps/platform';

import { ApiTokensService } from '../accounts/api-tokens.service';
import { SessionsService } from '../accounts/sessions.service';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { PUBLIC_ROUTE } from './public.decorator';
import type { GatewayRequest } from './request-context';

export const SESSION_COOKIE = 'tps_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Global guard: authenticates by bearer token or session cookie, sets `request.actor`, and
 * rejects cross-origin writes that ride on the cookie. Routes marked `@Public()` pass without
 * credentials; a valid session still sets the actor there.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokensService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.publicOrigin = new URL(config.PUBLIC_URL).origin;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || context.getClass() === HealthController) {
      return true;
    }
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const actor = await this.authenticate(request);
    if (request.authMethod !== 'bearer') {
      this.assertSameOrigin(request);
    }
    if (actor) {
      request.actor = actor;

      return true;
    }
    if (isPublic) {
      return true;
    }

    throw new DomainError(
      ErrorCode.Unauthenticated,
      request.authMethod || request.sessionToken
        ? 'Votre session a expiré ou votre jeton d’API n’est pas valide. Reconnectez-vous.'
        : 'Authentification requise : connectez-vous ou envoyez un jeton d’API (Authorization: Bearer).',
    );
  }

  private async authenticate(request: GatewayRequest): Promise<Actor | null> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      request.authMethod = 'bearer';

      return match ? this.apiTokens.resolve(match[1]) : null;
    }
    const cookies = (request as { cookies?: Record<string, unknown> }).cookies ?? {};
    const sessionToken = cookies[SESSION_COOKIE];
    if (typeof sessionToken !== 'string' || sessionToken === '') {
      return null;
    }
    request.sessionToken = sessionToken;
    const actor = await this.sessions.resolve(sessionToken);
    if (actor) {
      request.authMethod = 'cookie';
    }

    return actor;
  }

  /**
   * CSRF defence for browsers: a write that carries an Origin header must come from PUBLIC_URL.
   * Applied to every non-bearer write, sign-in included, so no other site can sign a user in.
   */
  private assertSameOrigin(request: GatewayRequest): void {
    const origin = request.headers.origin;
    if (SAFE_METHODS.has(request.method) || origin === undefined || this.isPublicOrigin(origin)) {
      return;
    }

    throw DomainError.forbidden(
      `Requête refusée : elle vient de l’origine ${origin}, différente de ${this.publicOrigin}.`,
    );
  }

  /**
   * PUBLIC_URL's origin. On a local machine, the other loopback names of the same scheme and port
   * count too, so a site opened at 127.0.0.1 works when PUBLIC_URL names localhost.
   */
  private isPublicOrigin(origin: string): boolean {
    if (origin === this.publicOrigin) {
      return true;
    }
    let candidate: URL;
    try {
      candidate = new URL(origin);
    } catch {
      return false;
    }
    const expected = new URL(this.publicOrigin);
    return (
      LOOPBACK_HOSTS.has(expected.hostname) &&
      LOOPBACK_HOSTS.has(candidate.hostname) &&
      candidate.protocol === expected.protocol &&
      candidate.port === expected.port
    );
  }
}

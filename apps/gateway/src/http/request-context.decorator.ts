import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ANONYMOUS_ACTOR } from '@tps/contracts';

import type { GatewayRequest, RequestContext } from './request-context';

/** Injects the RequestContext that the auth guard built; anonymous on public routes without a session. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => {
    const request = context.switchToHttp().getRequest<GatewayRequest>();

    return { actor: request.actor ?? ANONYMOUS_ACTOR, correlationId: request.correlationId ?? '' };
  },
);

import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { NatsRequester } from '@tps/platform';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { RequestContext } from '../http/request-context';

/**
 * Sends `{ actor, correlationId, payload }` commands to the services over NATS request-reply.
 * Errors arrive as DomainError: the service's own error, or TIMEOUT / SERVICE_UNAVAILABLE.
 */
@Injectable()
export class ServiceClient implements OnModuleInit, OnApplicationShutdown {
  private readonly requester: NatsRequester;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.requester = new NatsRequester(config.NATS_URL, config.REQUEST_TIMEOUT_MS);
  }

  async onModuleInit(): Promise<void> {
    await this.requester.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.requester.close();
  }

  send<TResult>(subject: string, context: RequestContext, payload: object): Promise<TResult> {
    return this.requester.send<TResult>(subject, context.actor, payload, {
      correlationId: context.correlationId,
    });
  }
}

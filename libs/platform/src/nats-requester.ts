import { Logger } from '@nestjs/common';
import { type ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { type Actor, ErrorCode, isDomainErrorBody } from '@tps/contracts';

import { DomainError } from './domain-error';

/**
 * Sends commands to other services over NATS request-reply. A timeout becomes a TIMEOUT domain
 * error, a lost connection SERVICE_UNAVAILABLE, and an error body from the service is re-raised
 * as the same domain error.
 */
export class NatsRequester {
  private readonly logger = new Logger(NatsRequester.name);
  private readonly client: ClientProxy;

  constructor(
    natsUrl: string,
    private readonly defaultTimeoutMs: number,
  ) {
    this.client = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: { servers: [natsUrl] },
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async send<TResult, TPayload = unknown>(
    subject: string,
    actor: Actor,
    payload: TPayload,
    options: { timeoutMs?: number; correlationId?: string } = {},
  ): Promise<TResult> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    try {
      return await firstValueFrom(
        this.client
          .send<TResult>(subject, { actor, correlationId: options.correlationId, payload })
          .pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      throw this.toDomainError(error, subject, timeoutMs);
    }
  }

  private toDomainError(error: unknown, subject: string, timeoutMs: number): DomainError {
    if (isDomainErrorBody(error)) {
      return new DomainError(error.code, error.message, error.details);
    }
    if (error instanceof TimeoutError) {
      this.logger.warn({ subject, timeoutMs }, 'request timed out');

      return new DomainError(
        ErrorCode.Timeout,
        'Le service n’a pas répondu à temps. Réessayez dans quelques instants.',
        { subject },
      );
    }
    // Covers a lost connection and NATS "no responders" (Nest's EmptyResponseException).
    this.logger.error({ err: error, subject }, 'request failed');

    return new DomainError(
      ErrorCode.ServiceUnavailable,
      'Le service est momentanément indisponible. Réessayez dans quelques instants.',
      { subject },
    );
  }
}

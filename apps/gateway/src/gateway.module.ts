import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { openServiceDataSource, PlatformModule } from '@tps/platform';

import { AccountsService } from './accounts/accounts.service';
import { ApiTokensService } from './accounts/api-tokens.service';
import { AuthController } from './accounts/auth.controller';
import { SessionsService } from './accounts/sessions.service';
import { SignInLimiterService } from './accounts/sign-in-limiter.service';
import { GatewayDatabase } from './gateway-database.service';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG, GATEWAY_DATA_SOURCE } from './gateway.tokens';
import { AuthGuard } from './http/auth.guard';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/gateway-database';
import { AdminProceduresController } from './routes/admin-procedures.controller';
import { DossiersController } from './routes/dossiers.controller';
import { InstructorController } from './routes/instructor.controller';
import { PublicProceduresController } from './routes/public-procedures.controller';
import { NatsProbe } from './services/nats-probe.service';
import { ServiceClient } from './services/service-client';
import { AttachmentsController } from './uploads/attachments.controller';
import { AttachmentUploader } from './uploads/attachment-uploader.service';
import { ObjectStorage } from './uploads/object-storage.service';

export const GATEWAY_SCHEMA = 'gateway';

/** Root module of the gateway, built from a validated config. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot({
          service: 'gateway',
          version: config.SERVICE_VERSION,
          logLevel: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
        }),
      ],
      controllers: [
        AuthController,
        AdminProceduresController,
        PublicProceduresController,
        DossiersController,
        AttachmentsController,
        InstructorController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        {
          provide: GATEWAY_DATA_SOURCE,
          useFactory: () =>
            openServiceDataSource({
              url: config.DATABASE_URL,
              schema: GATEWAY_SCHEMA,
              entities: GATEWAY_ENTITIES,
              migrations: GATEWAY_MIGRATIONS,
            }),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        GatewayDatabase,
        NatsProbe,
        ServiceClient,
        ObjectStorage,
        AttachmentUploader,
        SignInLimiterService,
        AccountsService,
        SessionsService,
        ApiTokensService,
      ],
    };
  }
}

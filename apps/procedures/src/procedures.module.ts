import { type DynamicModule, Module } from '@nestjs/common';
import {
  EventBus,
  openServiceDataSource,
  OutboxEventEntity,
  OutboxRelay,
  OutboxWriter,
  PlatformModule,
} from '@tps/platform';
import { DataSource } from 'typeorm';

import { MailTemplatesService } from './mail/mail-templates.service';
import { CreateProceduresTables1764856800000 } from './migrations/1764856800000-CreateProceduresTables';
import type { ProceduresConfig } from './procedures.config';
import { ProceduresLifecycle } from './procedures.lifecycle';
import { FormService } from './procedures/form.service';
import { InstructorsService } from './procedures/instructors.service';
import { ProcedureRepository } from './procedures/procedure.repository';
import { ProceduresController } from './procedures/procedures.controller';
import { ProceduresService } from './procedures/procedures.service';

export const PROCEDURES_SCHEMA = 'procedures';

/** Root module of the procedures service, built from a validated config. */
@Module({})
export class ProceduresModule {
  static forRoot(config: ProceduresConfig): DynamicModule {
    return {
      module: ProceduresModule,
      imports: [
        PlatformModule.forRoot({
          service: 'procedures',
          version: config.SERVICE_VERSION,
          logLevel: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
        }),
      ],
      controllers: [ProceduresController],
      providers: [
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDataSource({
              url: config.DATABASE_URL,
              schema: PROCEDURES_SCHEMA,
              entities: [OutboxEventEntity],
              migrations: [CreateProceduresTables1764856800000],
            }),
        },
        {
          provide: EventBus,
          useFactory: async () => {
            const bus = new EventBus({ natsUrl: config.NATS_URL, name: 'procedures-events' });
            await bus.connect();

            return bus;
          },
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, bus: EventBus) => new OutboxRelay(dataSource, bus),
          inject: [DataSource, EventBus],
        },
        { provide: OutboxWriter, useValue: new OutboxWriter('/tps/procedures') },
        ProcedureRepository,
        ProceduresService,
        FormService,
        InstructorsService,
        MailTemplatesService,
        ProceduresLifecycle,
      ],
    };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CloudEvent,
  type CompanyResolvedV1,
  EventSubjects,
  type SiretFieldData,
} from '@tps/contracts';
import { EventBus } from '@tps/platform';
import { DataSource } from 'typeorm';

import { returnedRows } from '../database/returned-rows';

export const COMPANY_CONSUMER_DURABLE = 'dossiers-company';

/**
 * Completes SIRET fields whose lookup was pending when a `company.resolved` event arrives.
 * Idempotent by event id: the id is recorded in the same transaction as the update.
 */
@Injectable()
export class CompanyResolvedConsumer {
  private readonly logger = new Logger(CompanyResolvedConsumer.name);

  constructor(
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async start(): Promise<void> {
    await this.bus.consume({
      durable: COMPANY_CONSUMER_DURABLE,
      filterSubject: 'tps.events.company.>',
      handler: async (event, subject) => {
        if (subject === EventSubjects.companyResolved) {
          await this.handle(event as CloudEvent<CompanyResolvedV1>);
        }
      },
    });
  }

  async handle(event: CloudEvent<CompanyResolvedV1>): Promise<void> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const inserted = returnedRows(
        await manager.query(
          `INSERT INTO processed_event (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [event.id],
        ),
      );
      if (inserted.length === 0) {
        return null;
      }
      const data: SiretFieldData = { status: event.data.status, company: event.data.company };
      const rows = returnedRows<{ dossier_id: string }>(
        await manager.query(
          `UPDATE field_value SET siret_data = $2::jsonb, updated_at = now()
           WHERE value #>> '{}' = $1 AND siret_data ->> 'status' = 'pending'
           RETURNING dossier_id`,
          [event.data.siret, JSON.stringify(data)],
        ),
      );

      return rows.length;
    });
    if (updated === null) {
      this.logger.debug({ eventId: event.id }, 'company event already handled');
    } else {
      this.logger.log(
        { eventId: event.id, status: event.data.status, fields: updated },
        'pending SIRET fields updated',
      );
    }
  }
}

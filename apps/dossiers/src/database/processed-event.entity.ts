import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Id of an event a consumer already handled, so a redelivery is skipped. */
@Entity({ name: 'processed_event' })
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}

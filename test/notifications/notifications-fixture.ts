import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import {
  type Actor,
  type CloudEvent,
  cloudEventTypeFor,
  DossierState,
  type DossierStateChangedV1,
  type FieldDefinition,
  FieldType,
  ProcedureSubjects,
  type ProcedureView,
} from '@tps/contracts';
import { EventBus, NatsRequester } from '@tps/platform';
import { DataSource } from 'typeorm';

import { startNotificationsService } from '../../apps/notifications/src/notifications.bootstrap';
import { startProceduresService } from '../../apps/procedures/src/procedures.bootstrap';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';

export const admin: Actor = {
  accountId: '11111111-1111-4111-8111-111111111111',
  email: 'admin@exemple.gouv.fr',
  kind: 'user',
};
export const instructor: Actor = {
  accountId: '33333333-3333-4333-8333-333333333333',
  email: 'instructrice@exemple.gouv.fr',
  kind: 'user',
};
export const stranger: Actor = {
  accountId: '22222222-2222-4222-8222-222222222222',
  email: 'autre@exemple.fr',
  kind: 'user',
};

export const PUBLIC_URL = 'https://tps.exemple.fr';

/**
 * Test environment of NATS, PostgreSQL and the real procedures service. One procedure with a
 * "Nom du club" text field and an instructor is created through that service. Each test file
 * starts the notifications service itself.
 */
export class NotificationsFixture {
  nats: TestNats;
  database: TestDatabase;
  procedures: INestApplication;
  requester: NatsRequester;
  /** Publishes events the way the dossiers service's outbox relay does. */
  bus: EventBus;
  procedure: ProcedureView;
  clubField: FieldDefinition;
  private inspector: DataSource | undefined;
  private dossierNumber = 100;

  async start(): Promise<void> {
    this.nats = await startTestNats();
    this.database = await createTestDatabase();
    this.procedures = await this.startProcedures();
    this.requester = new NatsRequester(this.nats.url, 5000);
    await this.requester.connect();
    this.bus = new EventBus({ natsUrl: this.nats.url, name: 'test-dossiers-events' });
    await this.bus.connect();
    this.procedure = await this.requester.send<ProcedureView>(ProcedureSubjects.create, admin, {
      title: 'Aide à l’équipement sportif',
      description: 'Subvention pour les clubs.',
      organisation: 'Mairie de Test',
      contactEmail: 'contact@mairie.fr',
    });
    this.clubField = await this.requester.send<FieldDefinition>(ProcedureSubjects.addField, admin, {
      procedureId: this.procedure.id,
      type: FieldType.Text,
      label: 'Nom du club',
    });
    await this.requester.send(ProcedureSubjects.addInstructor, admin, {
      procedureId: this.procedure.id,
      email: instructor.email,
    });
  }

  /** Starts the procedures service again on the same database, after a test closed it. */
  async restartProcedures(delayMs: number): Promise<void> {
    await sleep(delayMs);
    this.procedures = await this.startProcedures();
  }

  async stop(): Promise<void> {
    await this.inspector?.destroy();
    await this.bus?.close();
    await this.requester?.close();
    await this.procedures?.close();
    await this.database?.drop();
    await this.nats?.stop();
  }

  private startProcedures(): Promise<INestApplication> {
    return startProceduresService({
      DATABASE_URL: this.database.url,
      NATS_URL: this.nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
    });
  }

  startNotifications(env: Record<string, string>): Promise<INestApplication> {
    return startNotificationsService({
      DATABASE_URL: this.database.url,
      NATS_URL: this.nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      PUBLIC_URL,
      NOTIFICATIONS_RETRY_BASE_MS: '100',
      ...env,
    });
  }

  /** Reads the notifications schema directly; opened once the service has migrated it. */
  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    if (!this.inspector) {
      this.inspector = new DataSource({
        type: 'postgres',
        url: this.database.url,
        extra: { options: '-c search_path=notifications' },
      });
      await this.inspector.initialize();
    }

    return (await this.inspector.query(sql, parameters)) as T[];
  }

  async saveTemplate(kind: string, subject: string, body: string): Promise<void> {
    await this.requester.send(ProcedureSubjects.updateMailTemplate, admin, {
      procedureId: this.procedure.id,
      kind,
      subject,
      body,
    });
  }

  /** Builds a state change of a new dossier, as the dossiers service sends it. */
  dossierEvent(overrides: Partial<DossierStateChangedV1> = {}): DossierStateChangedV1 {
    this.dossierNumber += 1;

    return {
      dossierId: randomUUID(),
      dossierNumber: this.dossierNumber,
      procedureId: this.procedure.id,
      procedureTitle: this.procedure.title,
      organisation: this.procedure.organisation,
      revisionId: randomUUID(),
      fromState: DossierState.Brouillon,
      toState: DossierState.EnConstruction,
      action: 'deposer',
      archived: false,
      version: 2,
      applicantEmail: `usager-${this.dossierNumber}@exemple.fr`,
      actorEmail: `usager-${this.dossierNumber}@exemple.fr`,
      motivation: null,
      submittedAt: '2026-03-14T23:30:00.000Z',
      instructionStartedAt: null,
      decidedAt: null,
      occurredAt: new Date().toISOString(),
      fields: [
        {
          stableId: this.clubField.stableId,
          type: FieldType.Text,
          label: 'Nom du club',
          value: 'US Exemple',
          displayValue: 'US Exemple',
        },
      ],
      ...overrides,
    };
  }

  /** Publishes a CloudEvent envelope as the outbox relay does; returns the envelope. */
  async publish(subject: string, data: unknown): Promise<CloudEvent<unknown>> {
    const envelope: CloudEvent<unknown> = {
      specversion: '1.0',
      id: randomUUID(),
      type: cloudEventTypeFor(subject),
      source: '/tps/dossiers',
      subject: (data as { dossierId?: string }).dossierId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
    };
    await this.bus.publish(subject, envelope);

    return envelope;
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value, failing after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met after ${timeoutMs} ms`);
    }
    await sleep(100);
  }
}

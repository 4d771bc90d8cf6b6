import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import {
  type Actor,
  type CloudEvent,
  type CreateFieldDto,
  type DossierStateChangedV1,
  type DossierView,
  DossierSubjects,
  ProcedureSubjects,
  type ProcedureView,
  type PublicProcedureView,
} from '@tps/contracts';
import { DomainError, EventBus, NatsRequester } from '@tps/platform';
import { Client as PgClient } from 'pg';

import { startDossiersService } from '../../apps/dossiers/src/dossiers.bootstrap';
import { startProceduresService } from '../../apps/procedures/src/procedures.bootstrap';
import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import {
  type ApiEntrepriseSandbox,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';
import { startTestS3, type TestS3 } from '../support/s3';

const SANDBOX_TOKEN = 'dossiers-test-sandbox-token';

export function userActor(name: string): Actor {
  return {
    accountId: randomUUID(),
    email: `${name}-${randomUUID().slice(0, 8)}@exemple.fr`,
    kind: 'user',
  };
}

/**
 * The dossiers service with the real procedures service and the real enrichment service (against
 * its API Entreprise sandbox), a private NATS, a fresh database and an S3 server. Events of
 * `tps.events.dossier.>` are collected in `events`.
 */
export class DossiersHarness {
  nats: TestNats;
  database: TestDatabase;
  s3: TestS3;
  sandbox: ApiEntrepriseSandbox;
  apps: INestApplication[] = [];
  dossiersApp: INestApplication;
  requester: NatsRequester;
  bus: EventBus;
  db: PgClient;
  env: Record<string, string>;
  readonly events: Array<CloudEvent<DossierStateChangedV1>> = [];
  private procedureCount = 0;

  async start(): Promise<void> {
    this.nats = await startTestNats();
    this.database = await createTestDatabase();
    this.s3 = await startTestS3();
    this.sandbox = await startApiEntrepriseSandbox({ port: 0, token: SANDBOX_TOKEN });
    this.env = {
      DATABASE_URL: this.database.url,
      NATS_URL: this.nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      REQUEST_TIMEOUT_MS: '5000',
      S3_ENDPOINT: this.s3.endpoint,
      S3_ACCESS_KEY: this.s3.accessKey,
      S3_SECRET_KEY: this.s3.secretKey,
      S3_BUCKET: 'tps-dossiers-test',
      API_ENTREPRISE_URL: this.sandbox.url,
      API_ENTREPRISE_TOKEN: SANDBOX_TOKEN,
      API_ENTREPRISE_TIMEOUT_MS: '1000',
      ENRICHMENT_RETRY_BASE_MS: '50',
      ENRICHMENT_RETRY_POLL_MS: '100',
      SIRET_LOOKUP_TIMEOUT_MS: '3000',
    };

    this.apps.push(await startProceduresService(this.env));
    this.apps.push(await startEnrichmentService(this.env));
    this.dossiersApp = await startDossiersService(this.env);
    this.apps.push(this.dossiersApp);

    this.requester = new NatsRequester(this.nats.url, 10000);
    await this.requester.connect();
    this.bus = new EventBus({ natsUrl: this.nats.url, name: 'dossiers-test' });
    await this.bus.connect();
    await this.bus.consume({
      durable: 'dossiers-test-observer',
      filterSubject: 'tps.events.dossier.>',
      handler: async (event) => {
        this.events.push(event as CloudEvent<DossierStateChangedV1>);
      },
    });

    this.db = new PgClient({ connectionString: this.database.url });
    await this.db.connect();
  }

  async stop(): Promise<void> {
    await this.db?.end();
    await this.bus?.close();
    await this.requester?.close();
    for (const app of this.apps.reverse()) {
      await app.close();
    }
    await this.sandbox?.close();
    await this.s3?.stop();
    await this.database?.drop();
    await this.nats?.stop();
  }

  send<T>(subject: string, actor: Actor, payload: unknown): Promise<T> {
    return this.requester.send<T>(subject, actor, payload);
  }

  /** Sends a command that must fail and returns its domain error. */
  async fail(subject: string, actor: Actor, payload: unknown): Promise<DomainError> {
    const outcome = await this.requester.send(subject, actor, payload).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) {
      throw new Error(
        `${subject} succeeded but was expected to fail: ${JSON.stringify(outcome.result)}`,
      );
    }
    if (!(outcome.error instanceof DomainError)) {
      throw outcome.error;
    }

    return outcome.error;
  }

  /** Creates and publishes a procedure with these fields and instructors, through the procedures service. */
  async publishProcedure(
    administrator: Actor,
    fields: CreateFieldDto[],
    instructors: Actor[],
  ): Promise<PublicProcedureView> {
    this.procedureCount++;
    const created = await this.send<ProcedureView>(ProcedureSubjects.create, administrator, {
      title: `Demande de subvention numéro ${this.procedureCount}`,
      description: 'Démarche créée par les tests du service des dossiers.',
      organisation: 'Ministère des tests',
      contactEmail: 'contact@exemple.fr',
    });
    for (const field of fields) {
      await this.send(ProcedureSubjects.addField, administrator, {
        procedureId: created.id,
        ...field,
      });
    }
    for (const instructor of instructors) {
      await this.send(ProcedureSubjects.addInstructor, administrator, {
        procedureId: created.id,
        email: instructor.email,
      });
    }

    return this.send<ProcedureView>(ProcedureSubjects.publish, administrator, {
      procedureId: created.id,
    });
  }

  async closeProcedure(administrator: Actor, procedureId: string): Promise<void> {
    await this.send(ProcedureSubjects.close, administrator, { procedureId });
  }

  /** Creates a brouillon, fills it with `values` and submits it. */
  async submittedDossier(
    applicant: Actor,
    procedure: PublicProcedureView,
    values: Record<string, unknown>,
  ): Promise<DossierView> {
    const dossier = await this.send<DossierView>(DossierSubjects.create, applicant, {
      procedureId: procedure.id,
    });
    await this.send<DossierView>(DossierSubjects.updateFields, applicant, {
      dossierId: dossier.id,
      values,
    });

    return this.send<DossierView>(DossierSubjects.submit, applicant, { dossierId: dossier.id });
  }

  async waitForEvent(
    predicate: (event: CloudEvent<DossierStateChangedV1>, subject: string) => boolean,
    timeoutMs = 10000,
  ): Promise<CloudEvent<DossierStateChangedV1>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.events.find((event) => predicate(event, event.type));
      if (found) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no matching dossier event after ${timeoutMs} ms`);
  }
}

/** Stable id of the field with this label. */
export function fieldId(procedure: PublicProcedureView, label: string): string {
  const field = procedure.publishedRevision?.fields.find((candidate) => candidate.label === label);
  if (!field) {
    throw new Error(`no field labelled ${label}`);
  }

  return field.stableId;
}

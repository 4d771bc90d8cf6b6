import { randomUUID } from 'node:crypto';

import {
  type CloudEvent,
  cloudEventTypeFor,
  DossierState,
  type DossierStateChangedV1,
  EventSubjects,
} from '@tps/contracts';
import { EventBus } from '@tps/platform';

import type { SmtpSink } from './smtp-sink';

/**
 * E-mail throughput of the notifications service: publishes `events` dossier-submitted events on
 * the JetStream stream and measures the time until the SMTP sink received every resulting e-mail.
 * Each run gives its recipients a tag of its own, so earlier e-mails are not counted.
 */

export interface NotificationsRunOptions {
  natsUrl: string;
  smtp: SmtpSink;
  procedureId: string;
  procedureTitle: string;
  organisation: string;
  /** Distinguishes the recipients of this run, e.g. `replicas-1`. */
  tag: string;
  events: number;
  timeoutMs: number;
}

export interface NotificationsRunResult {
  events: number;
  /** Time to publish every event (JetStream acknowledgements included). */
  publishMs: number;
  /** Time from the first publication to the last e-mail received. */
  deliveredMs: number;
}

const PUBLISH_BATCH = 50;

export async function runNotificationsBench(
  options: NotificationsRunOptions,
): Promise<NotificationsRunResult> {
  const bus = new EventBus({ natsUrl: options.natsUrl, name: 'tps-bench-publisher' });
  await bus.connect();
  const recipientTag = `bench-notif-${options.tag}-`;
  try {
    const start = performance.now();
    for (let first = 0; first < options.events; first += PUBLISH_BATCH) {
      const batch: Promise<unknown>[] = [];
      for (let index = first; index < Math.min(options.events, first + PUBLISH_BATCH); index += 1) {
        batch.push(
          bus.publish(EventSubjects.dossierSubmitted, submittedEvent(options, recipientTag, index)),
        );
      }
      await Promise.all(batch);
    }
    const publishMs = performance.now() - start;
    await options.smtp.waitFor(recipientTag, options.events, options.timeoutMs);

    return { events: options.events, publishMs, deliveredMs: performance.now() - start };
  } finally {
    await bus.close();
  }
}

function submittedEvent(
  options: NotificationsRunOptions,
  recipientTag: string,
  index: number,
): CloudEvent<DossierStateChangedV1> {
  const now = new Date().toISOString();
  const dossierId = randomUUID();

  return {
    specversion: '1.0',
    id: randomUUID(),
    type: cloudEventTypeFor(EventSubjects.dossierSubmitted),
    source: '/tps/bench',
    subject: dossierId,
    time: now,
    datacontenttype: 'application/json',
    data: {
      dossierId,
      dossierNumber: 1_000_000 + index,
      procedureId: options.procedureId,
      procedureTitle: options.procedureTitle,
      organisation: options.organisation,
      revisionId: randomUUID(),
      fromState: DossierState.Brouillon,
      toState: DossierState.EnConstruction,
      action: 'deposer',
      archived: false,
      version: 1,
      applicantEmail: `${recipientTag}${index}@bench.tps.local`,
      actorEmail: `${recipientTag}${index}@bench.tps.local`,
      motivation: null,
      submittedAt: now,
      instructionStartedAt: null,
      decidedAt: null,
      occurredAt: now,
      fields: [],
    },
  };
}

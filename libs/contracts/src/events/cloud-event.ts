/**
 * CloudEvents 1.0 JSON envelope of every domain event. `id` is also sent as the `Nats-Msg-Id`
 * header so that JetStream drops a duplicate published within the stream's duplicate window.
 */
export interface CloudEvent<T> {
  specversion: '1.0';
  id: string;
  /** `fr.tps.<aggregate>.<event>.v<N>`, the same version as the subject. */
  type: string;
  /** URI of the producing service, e.g. `/tps/dossiers`. */
  source: string;
  /** Id of the aggregate the event is about (dossier or procedure id). */
  subject?: string;
  /** ISO 8601 instant at which the change was committed. */
  time: string;
  datacontenttype: 'application/json';
  /** Correlation id of the request that caused the event, when there was one. */
  correlationid?: string;
  data: T;
}

/** Maps `tps.events.dossier.submitted.v1` to the CloudEvents type `fr.tps.dossier.submitted.v1`. */
export function cloudEventTypeFor(subject: string): string {
  return subject.replace(/^tps\.events\./, 'fr.tps.');
}

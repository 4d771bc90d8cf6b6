import type { DossierView, FieldDefinition } from '@tps/contracts';
import { FieldType } from '@tps/contracts/procedures/field-type';
import { checkSiret, SIRET_ERROR_MESSAGES } from '@tps/contracts/siret/siret';
import { useCallback, useEffect, useRef, useState } from 'react';

import { api, ApiError, errorMessage } from '../api/client';
import type { FieldInputValue } from '../components/fields/FieldInput';

/** Pause after the last keystroke before the changes are sent. */
const SAVE_DELAY_MS = 800;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  /** The dossier left the editable states (an instructor took it): nothing more can be saved. */
  | { kind: 'locked'; message: string };

export interface Autosave {
  values: Record<string, FieldInputValue>;
  /** Messages of the values the server (or the SIRET pre-check) rejected, per stable id. */
  invalid: Record<string, string>;
  status: SaveStatus;
  setValue: (stableId: string, value: FieldInputValue) => void;
  /** Sends every pending change now. */
  flush: () => Promise<FlushResult>;
}

export interface FlushResult {
  /** True when nothing is left unsaved or rejected. */
  ok: boolean;
  /** Rejected values, per stable id. */
  invalid: Record<string, string>;
  /** Error of the last request, when it failed without naming fields. */
  error?: unknown;
}

/** Maps `values.<stableId>` (or a bare stable id) from a 400's details.fields to the stable id. */
export function stableIdOfError(field: string): string {
  return field.startsWith('values.') ? field.slice('values.'.length) : field;
}

/**
 * Keeps the form's values and saves the changed ones with PATCH /dossiers/:id/fields, 800 ms after
 * the last change. The server rejects the whole request when one value is invalid, so rejected
 * fields are set aside (until the applicant edits them again) and the others are sent again at
 * once. A failed request keeps its fields pending: the next change retries them. Pending changes
 * are also sent when the page is left or hidden.
 */
export function useAutosave(
  dossierId: string,
  definitions: FieldDefinition[],
  initialValues: Record<string, FieldInputValue>,
  onSaved: (view: DossierView) => void,
): Autosave {
  const [values, setValues] = useState(initialValues);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const valuesRef = useRef(initialValues);
  const invalidRef = useRef<Record<string, string>>({});
  const pendingRef = useRef(new Set<string>());
  /** Edit count per field, to tell whether a response is about the value the field still has. */
  const editsRef = useRef(new Map<string, number>());
  const inFlightRef = useRef<Promise<void> | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const definitionsRef = useRef(new Map<string, FieldDefinition>());
  definitionsRef.current = new Map(
    definitions.map((definition) => [definition.stableId, definition]),
  );

  const updateInvalid = useCallback(
    (change: (current: Record<string, string>) => Record<string, string>) => {
      invalidRef.current = change(invalidRef.current);
      setInvalid(invalidRef.current);
    },
    [],
  );

  /** Sends the pending fields that are not set aside as invalid, once. */
  const sendOnce = useCallback(async (): Promise<void> => {
    const ids = [...pendingRef.current].filter((id) => !(id in invalidRef.current));
    if (ids.length === 0) {
      return;
    }
    const body: Record<string, unknown> = {};
    const sentEdits = new Map<string, number>();
    const rejectedLocally: Record<string, string> = {};
    for (const id of ids) {
      pendingRef.current.delete(id);
      const value = valuesRef.current[id] ?? null;
      const siretProblem = checkSiretValue(definitionsRef.current.get(id), value);
      if (siretProblem) {
        rejectedLocally[id] = siretProblem;
        continue;
      }
      body[id] = value;
      sentEdits.set(id, editsRef.current.get(id) ?? 0);
    }
    if (Object.keys(rejectedLocally).length > 0) {
      updateInvalid((current) => ({ ...current, ...rejectedLocally }));
    }
    if (sentEdits.size === 0) {
      return;
    }

    setStatus({ kind: 'saving' });
    try {
      const view = await api<DossierView>('PATCH', `/dossiers/${dossierId}/fields`, {
        values: body,
      });
      setStatus({ kind: 'saved', at: new Date() });
      onSavedRef.current(view);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        pendingRef.current.clear();
        setStatus({ kind: 'locked', message: error.message });
        return;
      }
      const fieldErrors =
        error instanceof ApiError && error.status === 400 ? (error.details.fields ?? []) : [];
      const rejected: Record<string, string> = {};
      let explained = fieldErrors.length > 0;
      for (const detail of fieldErrors) {
        const id = stableIdOfError(detail.field);
        const sentEdit = sentEdits.get(id);
        if (sentEdit === undefined) {
          explained = false;
        } else if (sentEdit === (editsRef.current.get(id) ?? 0)) {
          rejected[id] ??= detail.message;
        }
        // Otherwise the error is about a value changed since, and the new value goes out next.
      }
      // Every field of the request that was not itself rejected still has to be saved.
      for (const id of sentEdits.keys()) {
        if (!(id in rejected)) {
          pendingRef.current.add(id);
        }
      }
      if (explained) {
        updateInvalid((current) => ({ ...current, ...rejected }));
        setStatus({ kind: 'idle' });
        return;
      }
      setStatus({ kind: 'failed', message: errorMessage(error) });
      // Stops the loop in flush(): the next change retries.
      throw error;
    }
  }, [dossierId, updateInvalid]);

  const flush = useCallback(async (): Promise<FlushResult> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    try {
      // Loops because changes made during a request, and fields of a partly rejected request,
      // are still pending when it ends.
      for (let round = 0; round < 10; round++) {
        if (inFlightRef.current) {
          await inFlightRef.current;
          continue;
        }
        const sendable = [...pendingRef.current].some((id) => !(id in invalidRef.current));
        if (!sendable) {
          break;
        }
        const request = sendOnce();
        inFlightRef.current = request;
        try {
          await request;
        } finally {
          inFlightRef.current = null;
        }
      }
    } catch (error) {
      return { ok: false, invalid: invalidRef.current, error };
    }
    const ok = pendingRef.current.size === 0 && Object.keys(invalidRef.current).length === 0;

    return { ok, invalid: invalidRef.current };
  }, [sendOnce]);

  const setValue = useCallback(
    (stableId: string, value: FieldInputValue) => {
      valuesRef.current = { ...valuesRef.current, [stableId]: value };
      setValues(valuesRef.current);
      editsRef.current.set(stableId, (editsRef.current.get(stableId) ?? 0) + 1);
      pendingRef.current.add(stableId);
      if (stableId in invalidRef.current) {
        updateInvalid(({ [stableId]: _removed, ...rest }) => rest);
      }
      if (timerRef.current) {
        clearTimeout(timerRef.current);
      }
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void flush();
      }, SAVE_DELAY_MS);
    },
    [flush, updateInvalid],
  );

  // Leaving the page inside the application: send what is pending without awaiting the response.
  useEffect(() => {
    return () => {
      void flush();
    };
  }, [flush]);

  // Closing the tab or going to another site: a keepalive request outlives the page. The changes
  // stay pending, so that they are sent again, through the normal path, if the page stays open.
  useEffect(() => {
    function sendPendingWithKeepalive() {
      if (document.visibilityState !== 'hidden') {
        return;
      }
      const body: Record<string, unknown> = {};
      for (const id of pendingRef.current) {
        if (!(id in invalidRef.current)) {
          body[id] = valuesRef.current[id] ?? null;
        }
      }
      if (Object.keys(body).length === 0) {
        return;
      }
      fetch(`/api/dossiers/${dossierId}/fields`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ values: body }),
        keepalive: true,
      }).catch((error: unknown) => console.warn('Could not save the dossier while leaving', error));
    }
    document.addEventListener('visibilitychange', sendPendingWithKeepalive);
    return () => document.removeEventListener('visibilitychange', sendPendingWithKeepalive);
  }, [dossierId]);

  return { values, invalid, status, setValue, flush };
}

/** Returns the SIRET pre-check's message, or null when the value may be sent. */
function checkSiretValue(
  definition: FieldDefinition | undefined,
  value: FieldInputValue,
): string | null {
  if (definition?.type !== FieldType.Siret || typeof value !== 'string' || value.trim() === '') {
    return null;
  }
  const check = checkSiret(value);

  return check.valid ? null : SIRET_ERROR_MESSAGES[check.reason];
}

import type { DossierView, FieldDefinition } from '@tps/contracts';
import { FieldType } from '@tps/contracts/procedures/field-type';
import { checkSiret, SIRET_ERROR_MESSAGES } from '@tps/contracts/siret/siret';
import { useCallback, useEffect, useRef, useState } from 'react';

import { api, ApiError, errorMessage } from '../api/client';
import type { FieldInputValue } from '../components/fields/FieldInput';

/** Pause after the last keystroke before the changes are sent. */
const SAVE_DELAY_MS = 800;
/** Unsaved values kept in sessionStorage when the page is left are restored within this delay. */
const RESTORE_WITHIN_MS = 10 * 60 * 1000;

/**
 * Saves started by forms that were left inside the application. The page shown next reads the
 * dossier after them (see `afterLeavingSaves`), so it does not show the values they replace.
 */
const leavingSaves = new Set<Promise<unknown>>();

/** Runs `load` once the saves of the forms just left have ended, successfully or not. */
export async function afterLeavingSaves<T>(load: () => Promise<T>): Promise<T> {
  await Promise.allSettled([...leavingSaves]);

  return load();
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  /** The session ended (401): the changes wait until the applicant signs in again. */
  | { kind: 'signedOut' }
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

/** True for the gateway's 401: the session ended, for instance signed out in another tab. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Maps `values.<stableId>` (or a bare stable id) from a 400's details.fields to the stable id. */
export function stableIdOfError(field: string): string {
  return field.startsWith('values.') ? field.slice('values.'.length) : field;
}

/**
 * Keeps the form's values and saves the changed ones with PATCH /dossiers/:id/fields, 800 ms after
 * the last change. The server rejects the whole request when one value is invalid, so rejected
 * fields are set aside (until the applicant edits them again) and the others are sent again at
 * once. A failed request keeps its fields pending: the next change retries them.
 *
 * Nothing typed is lost when the page is left before a save ends. Leaving inside the application
 * saves at once, and the next page reads after that save. Before a reload or a tab close, the
 * browser shows its warning. The unsaved values then go out in a keepalive request, which outlives
 * the page. They are also kept in sessionStorage, so that a reload whose read overtakes that
 * request still shows them and saves them again.
 */
export function useAutosave(
  dossierId: string,
  definitions: FieldDefinition[],
  initialValues: Record<string, FieldInputValue>,
  onSaved: (view: DossierView) => void,
): Autosave {
  const [start] = useState(() => withRestoredValues(dossierId, definitions, initialValues));
  const [values, setValues] = useState(start.values);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const valuesRef = useRef(start.values);
  const invalidRef = useRef<Record<string, string>>({});
  const pendingRef = useRef(new Set<string>(start.restored));
  /** Values of the request under way: the page may be left before it ends. */
  const sendingRef = useRef<Record<string, unknown>>({});
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
    sendingRef.current = body;
    try {
      const view = await api<DossierView>('PATCH', `/dossiers/${dossierId}/fields`, {
        values: body,
      });
      sendingRef.current = {};
      setStatus({ kind: 'saved', at: new Date() });
      onSavedRef.current(view);
    } catch (error) {
      // Whatever is still to be saved is back in pendingRef below.
      sendingRef.current = {};
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
      setStatus(
        isSessionEnded(error)
          ? { kind: 'signedOut' }
          : { kind: 'failed', message: errorMessage(error) },
      );
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

  // Values restored from sessionStorage after a reload are pending: they are sent at once.
  useEffect(() => {
    forgetUnsaved(dossierId);
    if (pendingRef.current.size > 0) {
      void flush();
    }
  }, [dossierId, flush]);

  // Leaving the form inside the application: save now, and let the next page read after it.
  useEffect(() => {
    return () => {
      const save = flush().finally(() => leavingSaves.delete(save));
      leavingSaves.add(save);
    };
  }, [flush]);

  // Reloading, closing the tab or going to another site.
  useEffect(() => {
    /** Values not known to be saved: those of the request under way, then the pending ones. */
    function unsavedValues(): Record<string, unknown> {
      const unsaved: Record<string, unknown> = { ...sendingRef.current };
      for (const id of pendingRef.current) {
        if (!(id in invalidRef.current)) {
          unsaved[id] = valuesRef.current[id] ?? null;
        }
      }
      return unsaved;
    }

    // The browser shows a confirmation, and the save starts meanwhile in case the applicant stays.
    function warnBeforeUnload(event: BeforeUnloadEvent) {
      if (Object.keys(unsavedValues()).length === 0) {
        return;
      }
      void flush();
      event.preventDefault();
      // Browsers older than the preventDefault() support need a return value to warn.
      event.returnValue = '';
    }

    // A keepalive request outlives the page. The values stay pending, so that they are sent again
    // through the normal path if the page stays open (a tab put in the background).
    let lastSent = '';
    function sendWithKeepalive() {
      const unsaved = unsavedValues();
      if (Object.keys(unsaved).length === 0) {
        return;
      }
      keepUnsaved(dossierId, unsaved);
      const body = { values: unsaved };
      // pagehide and visibilitychange both fire when the page is left: one request is enough.
      const serialised = JSON.stringify(body);
      if (serialised === lastSent) {
        return;
      }
      lastSent = serialised;
      api<DossierView>('PATCH', `/dossiers/${dossierId}/fields`, body, { keepalive: true }).catch(
        (error: unknown) => console.warn('Could not save the dossier while leaving', error),
      );
    }

    function onVisibilityChange() {
      if (document.visibilityState === 'hidden') {
        sendWithKeepalive();
      } else {
        // The page is back: the normal path saves what is left, and a later reload must not
        // restore values that may have been changed since.
        lastSent = '';
        forgetUnsaved(dossierId);
      }
    }

    // A page restored from the back-forward cache kept its state: nothing needs restoring.
    function onPageShow() {
      lastSent = '';
      forgetUnsaved(dossierId);
    }

    window.addEventListener('beforeunload', warnBeforeUnload);
    window.addEventListener('pagehide', sendWithKeepalive);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('beforeunload', warnBeforeUnload);
      window.removeEventListener('pagehide', sendWithKeepalive);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [dossierId, flush]);

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

function storageKey(dossierId: string): string {
  return `tps:unsaved:${dossierId}`;
}

interface StoredValues {
  /** Date.now() when the page was left. */
  at: number;
  values: Record<string, unknown>;
}

/** Keeps the values not yet saved in this tab's sessionStorage, for a reload to restore them. */
function keepUnsaved(dossierId: string, values: Record<string, unknown>): void {
  const stored: StoredValues = { at: Date.now(), values };
  try {
    sessionStorage.setItem(storageKey(dossierId), JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the keepalive request is then the only copy.
  }
}

function forgetUnsaved(dossierId: string): void {
  try {
    sessionStorage.removeItem(storageKey(dossierId));
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}

/**
 * Returns the initial values with those kept by `keepUnsaved` when this tab last left the form,
 * and the stable ids of the restored values that differ from the server's, which remain to be
 * saved. Values kept too long ago, or of fields the dossier no longer has, are ignored.
 */
function withRestoredValues(
  dossierId: string,
  definitions: FieldDefinition[],
  initialValues: Record<string, FieldInputValue>,
): { values: Record<string, FieldInputValue>; restored: string[] } {
  let stored: StoredValues | null = null;
  try {
    stored = JSON.parse(sessionStorage.getItem(storageKey(dossierId)) ?? 'null') as StoredValues;
  } catch {
    stored = null;
  }
  if (!stored || typeof stored.at !== 'number' || Date.now() - stored.at > RESTORE_WITHIN_MS) {
    return { values: initialValues, restored: [] };
  }
  const known = new Set(definitions.map((definition) => definition.stableId));
  const values = { ...initialValues };
  const restored: string[] = [];
  for (const [id, value] of Object.entries(stored.values ?? {})) {
    if (
      known.has(id) &&
      isInputValue(value) &&
      JSON.stringify(value) !== JSON.stringify(initialValues[id] ?? null)
    ) {
      values[id] = value;
      restored.push(id);
    }
  }

  return { values, restored };
}

function isInputValue(value: unknown): value is FieldInputValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
  );
}

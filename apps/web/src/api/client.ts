/**
 * The only way the web front talks to the platform: the gateway's JSON API under /api, with the
 * session cookie. Every failure becomes an ApiError carrying the gateway's `{ code, message,
 * details }` body, so pages can show the French message and tie field errors to inputs.
 */

export interface FieldErrorDetail {
  field: string;
  message: string;
  label?: string;
}

export interface ErrorDetails {
  fields?: FieldErrorDetail[];
  currentState?: string;
  currentVersion?: number;
  errorId?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * True for a 404, and for a 400 about a malformed id in the address (`/dossiers/abc`): for the
   * user both mean that the link leads nowhere.
   */
  isNotFound(): boolean {
    if (this.status === 404) {
      return true;
    }
    const fields = this.details.fields ?? [];
    return (
      this.status === 400 &&
      fields.length > 0 &&
      fields.every((field) => ADDRESS_PARAMETERS.has(field.field))
    );
  }

  /**
   * Field errors keyed by field name (or `values.<stableId>` for dossier values), worded to sit
   * next to their input: « password doit comporter… » becomes « Ce champ doit comporter… ».
   */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.details.fields ?? []) {
      byField[error.field] ??= besideInput(error.field, error.message);
    }
    return byField;
  }
}

/** Rewords a validation message that starts with the property name, for display under its input. */
function besideInput(field: string, message: string): string {
  const text = message.startsWith(`${field} `)
    ? `Ce champ ${message.slice(field.length + 1)}`
    : message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Route parameters of the gateway's paths, checked before any service is called. */
const ADDRESS_PARAMETERS = new Set(['id', 'stableId', 'attachmentId', 'kind']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const NETWORK_ERROR_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.';

export interface RequestOptions {
  /**
   * Lets the request outlive the page (fetch's keepalive), for a save sent while the page is
   * being left. The browser limits such bodies to 64 KiB in all.
   */
  keepalive?: boolean;
}

export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: options.keepalive,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  try {
    const body = (await response.json()) as {
      code?: string;
      message?: string;
      details?: ErrorDetails;
    };
    return new ApiError(
      response.status,
      body.code ?? 'UNKNOWN',
      body.message ?? defaultMessage(response.status),
      body.details ?? {},
      retryAfterSeconds,
    );
  } catch {
    return new ApiError(
      response.status,
      'UNKNOWN',
      defaultMessage(response.status),
      {},
      retryAfterSeconds,
    );
  }
}

function defaultMessage(status: number): string {
  if (status >= 500) {
    return 'Le service est momentanément indisponible. Réessayez dans quelques instants.';
  }
  return `La requête a échoué (erreur ${status}).`;
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Sends one file as the `file` part of a multipart request. XMLHttpRequest rather than fetch,
 * because only it reports upload progress.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle<T> {
  const request = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    request.open('POST', `/api${path}`);
    request.setRequestHeader('Accept', 'application/json');
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      let body: { code?: string; message?: string; details?: ErrorDetails } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // Not JSON: the status code alone then describes the failure.
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      reject(
        new ApiError(
          request.status,
          body.code ?? 'UNKNOWN',
          body.message ?? defaultMessage(request.status),
          body.details ?? {},
        ),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE));
    request.onabort = () => reject(new ApiError(0, 'ABORTED', 'Envoi annulé.'));
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
  return { promise, abort: () => request.abort() };
}

/** Message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 400 && error.isNotFound()) {
    return 'Cette adresse ne mène à aucune page : vérifiez le lien, ou repartez de l’accueil.';
  }
  if (error instanceof ApiError) {
    return error.message;
  }
  return 'Une erreur inattendue est survenue. Rechargez la page puis réessayez.';
}

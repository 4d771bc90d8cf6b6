/** Injection token of the validated `DossiersConfig`. */
export const DOSSIERS_CONFIG = Symbol('DOSSIERS_CONFIG');

/** Injection token of the `minio` client of the attachment bucket. */
export const ATTACHMENT_STORAGE_CLIENT = Symbol('ATTACHMENT_STORAGE_CLIENT');

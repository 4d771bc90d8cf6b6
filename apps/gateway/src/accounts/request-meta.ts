/** Client details recorded with a session or a sign-in attempt. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

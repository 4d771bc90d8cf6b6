/** Injection token of the validated NotificationsConfig. */
export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

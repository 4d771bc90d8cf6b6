/** Injection token of the validated GatewayConfig. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Injection token of the gateway's TypeORM DataSource (schema `gateway`). */
export const GATEWAY_DATA_SOURCE = Symbol('GATEWAY_DATA_SOURCE');

/** Injection token of the minio client. */
export const S3_CLIENT = Symbol('S3_CLIENT');

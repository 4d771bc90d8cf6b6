import { IsString, IsUrl, MinLength } from 'class-validator';
import { Client } from 'minio';

import { BaseServiceConfig } from './config';

/** Settings of the services that use the private attachments bucket (gateway and dossiers). */
export class ObjectStorageConfig extends BaseServiceConfig {
  /** S3-compatible object storage (MinIO in production). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  S3_ENDPOINT = 'http://127.0.0.1:9000';

  /** Secret. The default is MinIO's local development account. */
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY = 'minioadmin';

  /** Secret. The default is MinIO's local development account. */
  @IsString()
  @MinLength(1)
  S3_SECRET_KEY = 'minioadmin';

  /** Private bucket of the attachments; the gateway creates it at start when missing. */
  @IsString()
  @MinLength(3)
  S3_BUCKET = 'tps-attachments';

  @IsString()
  S3_REGION = 'us-east-1';
}

/** Builds a minio client (path-style addressing) from S3_ENDPOINT and the credentials. */
export function createObjectStorageClient(config: ObjectStorageConfig): Client {
  const endpoint = new URL(config.S3_ENDPOINT);
  const useSSL = endpoint.protocol === 'https:';
  const defaultPort = useSSL ? 443 : 80;

  return new Client({
    endPoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : defaultPort,
    useSSL,
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    region: config.S3_REGION,
    pathStyle: true,
  });
}

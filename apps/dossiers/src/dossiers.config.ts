import { IsInt, IsString, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@tps/platform';

/** Settings of the dossiers service, read from the environment by `loadConfig`. */
export class DossiersConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  override HTTP_PORT: number = 3002;

  /** S3 endpoint of the attachment bucket (MinIO or any S3-compatible server). */
  @IsString()
  S3_ENDPOINT = 'http://127.0.0.1:9000';

  @IsString()
  S3_ACCESS_KEY = 'minioadmin';

  @IsString()
  S3_SECRET_KEY = 'minioadmin';

  /** Private bucket where the gateway stores uploads; this service only deletes from it. */
  @IsString()
  S3_BUCKET = 'tps-attachments';

  @IsString()
  S3_REGION = 'us-east-1';

  /**
   * Time given to the enrichment service for one SIRET lookup, in milliseconds. Past it the
   * lookup counts as pending. Keep it above the enrichment service's own API Entreprise timeout.
   */
  @IsInt()
  @Min(100)
  SIRET_LOOKUP_TIMEOUT_MS: number = 8000;
}

import { IsInt, Max, Min } from 'class-validator';
import { ObjectStorageConfig } from '@tps/platform';

/** Settings of the dossiers service, read from the environment by `loadConfig`. */
export class DossiersConfig extends ObjectStorageConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  override HTTP_PORT: number = 3002;

  /**
   * Time given to the enrichment service for one SIRET lookup, in milliseconds. Past it the
   * lookup counts as pending. Keep it above the enrichment service's own API Entreprise timeout.
   */
  @IsInt()
  @Min(100)
  SIRET_LOOKUP_TIMEOUT_MS: number = 8000;
}

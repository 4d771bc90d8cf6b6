import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@tps/platform';

/** Settings of the procedures service, read from the environment by `loadConfig`. */
export class ProceduresConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  override HTTP_PORT: number = 3001;
}

import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Settings of the standalone web server (APP=web), read from the environment by `loadConfig`. */
export class WebServerConfig {
  /** Port of the HTTP server: the front, `/health` and `/ready`. 0 picks a free port. */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 8080;

  /**
   * Directory of the built web front (index.html and assets/). Relative paths are read from the
   * working directory, which is /app in the image.
   */
  @IsString()
  WEB_ROOT = 'dist/web';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /** Maximum wait for open requests to finish after SIGTERM, in milliseconds. */
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS: number = 10000;

  @IsOptional()
  @IsString()
  SERVICE_VERSION?: string;
}

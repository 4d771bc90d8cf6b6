import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

/**
 * Settings every service reads. Each app extends this class with its own variables; defaults
 * sit beside the declarations and target a local machine.
 */
export class BaseServiceConfig {
  /** PostgreSQL connection string; each service uses its own schema in that database. */
  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tps';

  @IsString()
  NATS_URL = 'nats://127.0.0.1:4222';

  /** HTTP port of the health endpoints (and of the API for the gateway). 0 picks a free port. */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /** Timeout of one NATS request to another service, in milliseconds. */
  @IsInt()
  @Min(100)
  REQUEST_TIMEOUT_MS: number = 10000;

  @IsOptional()
  @IsString()
  SERVICE_VERSION?: string;
}

/** Variables that hold secrets: their values never appear in an error message. */
const SECRET_PATTERN = /PASSWORD|SECRET|TOKEN|KEY/;

/**
 * Builds a validated config object from environment variables, failing fast with the names of
 * the invalid variables. Unset variables keep the class defaults.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const defaults = new configClass() as Record<string, unknown>;
  const provided: Record<string, unknown> = {};
  for (const key of Object.keys(defaults).concat(Object.keys(env))) {
    if (env[key] !== undefined && env[key] !== '') {
      provided[key] = env[key];
    }
  }
  const config = plainToInstance(
    configClass,
    { ...defaults, ...provided },
    {
      enableImplicitConversion: true,
      excludeExtraneousValues: false,
    },
  );
  const errors = validateSync(config as object, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const shown = SECRET_PATTERN.test(error.property) ? '(hidden)' : JSON.stringify(error.value);

      return `${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join(', ')}`;
    });
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }

  return config;
}

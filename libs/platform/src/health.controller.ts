import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

import { ReadinessRegistry } from './readiness';

export const SERVICE_INFO = Symbol('SERVICE_INFO');

export interface ServiceInfo {
  name: string;
  version: string;
}

/** Liveness (`/health`: the process responds) and readiness (`/ready`: its dependencies respond). */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
  ) {}

  @Get('health')
  @HttpCode(HttpStatus.OK)
  health(): { status: 'ok'; service: string; version: string } {
    return { status: 'ok', service: this.info.name, version: this.info.version };
  }

  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const result = await this.readiness.run();
    response
      .status(result.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: result.ready ? 'ready' : 'not_ready', service: this.info.name, ...result });
  }
}

import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { EnrichmentSubjects, LookupSiretDto, type SiretLookupResult } from '@tps/contracts';
import { parseCommand } from '@tps/platform';

import { SiretLookupService } from './siret-lookup.service';

@Controller()
export class SiretLookupController {
  constructor(@Inject(SiretLookupService) private readonly lookups: SiretLookupService) {}

  @MessagePattern(EnrichmentSubjects.lookupSiret)
  async lookup(raw: unknown): Promise<SiretLookupResult> {
    const { payload } = parseCommand(LookupSiretDto, raw);

    return this.lookups.lookup(payload.siret, payload.procedureId ?? null);
  }
}

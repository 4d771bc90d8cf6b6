import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { TransitionDossierDto } from '@tps/contracts';

import { toFrenchFieldErrors } from './validation-messages';

async function fieldErrors(body: Record<string, unknown>) {
  const errors = await validate(plainToInstance(TransitionDossierDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return toFrenchFieldErrors(errors);
}

const base = { dossierId: '6f1c1f7e-8a46-4c57-a1c4-3c0f2f1f5d11', action: 'accepter' };

describe('toFrenchFieldErrors', () => {
  it('names only the type when a number arrives as a string', async () => {
    const errors = await fieldErrors({ ...base, expectedVersion: '3' });

    expect(errors).toEqual([
      { field: 'expectedVersion', message: 'expectedVersion doit être un nombre entier' },
    ]);
  });

  it('still reports a bound on a real number', async () => {
    const errors = await fieldErrors({ ...base, expectedVersion: -1 });

    expect(errors).toEqual([
      { field: 'expectedVersion', message: 'expectedVersion doit être supérieur ou égal à 0' },
    ]);
  });

  it('translates an unexpected property and keeps its path', async () => {
    const errors = await fieldErrors({ ...base, extra: true });

    expect(errors).toEqual([
      { field: 'extra', message: 'le champ extra n’est pas attendu : retirez-le' },
    ]);
  });
});

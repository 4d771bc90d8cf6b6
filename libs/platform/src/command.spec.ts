import 'reflect-metadata';

import { IsObject, IsString } from 'class-validator';
import { ErrorCode, SYSTEM_ACTOR } from '@tps/contracts';

import { findUnstorableValue, parseCommand } from './command';
import { DomainError } from './domain-error';

class ValuesDto {
  @IsObject()
  values: Record<string, unknown>;

  @IsString()
  label: string;
}

describe('findUnstorableValue', () => {
  it.each([
    [{ label: 'a\u0000b' }, 'label'],
    [{ values: { x: 'a\ud800b' } }, 'values.x'],
    [{ values: { x: ['ok', 'z\udc00'] } }, 'values.x[1]'],
    [JSON.parse('{"values":{"__proto__":{"x":1}}}'), 'values.__proto__'],
    [{ ['k\u0000']: 'v' }, 'k\u0000'],
  ])('finds %p at %p', (value, path) => {
    expect(findUnstorableValue(value)).toBe(path);
  });

  it('accepts paired surrogates, accents and NBSP', () => {
    expect(findUnstorableValue({ label: 'Élodie 🎉 1\u00a0000', list: ['ß'] })).toBeNull();
  });
});

describe('parseCommand', () => {
  it('rejects a NUL character naming the field', () => {
    const error = (() => {
      try {
        parseCommand(ValuesDto, { actor: SYSTEM_ACTOR, payload: { values: {}, label: 'x\u0000' } });
      } catch (caught) {
        return caught;
      }
    })() as DomainError;

    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details?.fields?.[0]?.field).toBe('label');
  });

  it('keeps a clean payload', () => {
    const command = parseCommand(ValuesDto, {
      actor: SYSTEM_ACTOR,
      payload: { values: { a: 1 }, label: 'ok' },
    });

    expect(command.payload.values).toEqual({ a: 1 });
  });
});

import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '@tps/platform';

/** Checks that a route parameter is a UUID, naming the parameter in the 400 error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) {
      return value;
    }
    const field = metadata.data ?? 'id';
    const message = `${field} doit être un identifiant UUID, reçu « ${value.slice(0, 60)} »`;

    throw DomainError.invalid([{ field, message }], `Données invalides : ${message}.`);
  }
}

import { AccountEntity } from './account.entity';
import { AccountIdentityEntity } from './account-identity.entity';
import { ApiTokenEntity } from './api-token.entity';
import { SessionEntity } from './session.entity';
import { SignInAttemptEntity } from './sign-in-attempt.entity';
import { CreateGatewayTables1764849600000 } from '../migrations/1764849600000-CreateGatewayTables';

/** Entities of the `gateway` schema; a test checks they match what the migrations create. */
export const GATEWAY_ENTITIES = [
  AccountEntity,
  AccountIdentityEntity,
  ApiTokenEntity,
  SessionEntity,
  SignInAttemptEntity,
];

/** Migrations of the `gateway` schema, oldest first. */
export const GATEWAY_MIGRATIONS = [CreateGatewayTables1764849600000];

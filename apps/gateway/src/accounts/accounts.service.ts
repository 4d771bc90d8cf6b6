import { randomBytes, randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AccountView, ErrorCode } from '@tps/contracts';
import { DomainError } from '@tps/platform';
import { DataSource } from 'typeorm';

import { AccountEntity } from '../database/account.entity';
import { GATEWAY_DATA_SOURCE } from '../gateway.tokens';
import { hashPassword, verifyPassword } from './password-hasher';
import type { RequestMeta } from './request-meta';
import { SignInLimiterService } from './sign-in-limiter.service';

const WRONG_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';
const UNIQUE_VIOLATION = '23505';

/** Creates accounts and checks passwords; sessions and tokens live in their own services. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  /** Hash of a random password, verified when the e-mail is unknown so both cases take as long. */
  private decoyHash?: Promise<string>;
  private signInsSincePrune = 0;

  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly limiter: SignInLimiterService,
  ) {}

  async signUp(email: string, password: string): Promise<AccountView> {
    const account = this.dataSource.getRepository(AccountEntity).create({
      id: randomUUID(),
      email: normalizeEmail(email),
      passwordHash: await hashPassword(password),
    });
    try {
      await this.dataSource.getRepository(AccountEntity).insert(account);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError(
          ErrorCode.Conflict,
          'Un compte existe déjà avec cette adresse électronique. Connectez-vous ou utilisez une autre adresse.',
        );
      }
      throw error;
    }
    this.logger.log({ accountId: account.id }, 'account created');

    return this.getView(account.id);
  }

  /** Checks the password under the sign-in limits; the same 401 for an unknown e-mail and a wrong password. */
  async signIn(email: string, password: string, meta: RequestMeta): Promise<AccountView> {
    const normalized = normalizeEmail(email);
    await this.limiter.assertAllowed(normalized, meta.ip);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ email: normalized });
    const valid = account?.passwordHash
      ? await verifyPassword(password, account.passwordHash)
      : await verifyPassword(password, await this.getDecoyHash()).then(() => false);
    await this.limiter.record(normalized, meta.ip, valid);
    this.pruneNowAndThen();
    if (!account || !valid) {
      this.logger.warn({ accountId: account?.id, ip: meta.ip }, 'sign-in failed');
      throw new DomainError(ErrorCode.Unauthenticated, WRONG_CREDENTIALS);
    }

    return toAccountView(account);
  }

  async getView(accountId: string): Promise<AccountView> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: accountId });

    return toAccountView(account);
  }

  private getDecoyHash(): Promise<string> {
    this.decoyHash ??= hashPassword(randomBytes(16).toString('hex'));

    return this.decoyHash;
  }

  private pruneNowAndThen(): void {
    this.signInsSincePrune += 1;
    if (this.signInsSincePrune < 100) {
      return;
    }
    this.signInsSincePrune = 0;
    this.limiter
      .prune()
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'pruning sign-in attempts failed'),
      );
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toAccountView(account: AccountEntity): AccountView {
  return { id: account.id, email: account.email, createdAt: account.createdAt.toISOString() };
}

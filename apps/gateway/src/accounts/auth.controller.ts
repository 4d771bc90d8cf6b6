import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type AccountView,
  type ApiTokenView,
  CreateApiTokenDto,
  type CreatedApiTokenView,
  SignInDto,
  SignUpDto,
} from '@tps/contracts';

import { isCookieSecure, type GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { SESSION_COOKIE } from '../http/auth.guard';
import { Public } from '../http/public.decorator';
import type { GatewayRequest, RequestContext } from '../http/request-context';
import { Caller } from '../http/request-context.decorator';
import { bodySchema } from '../http/openapi-schema';
import { UuidPipe } from '../http/uuid.pipe';
import { AccountsService } from './accounts.service';
import { ApiTokensService } from './api-tokens.service';
import type { RequestMeta } from './request-meta';
import { SessionsService } from './sessions.service';

/** Sign-up, sign-in and sign-out with a session cookie, and API tokens for scripts. */
@ApiTags('auth')
@ApiCookieAuth()
@Controller('api/auth')
export class AuthController {
  private readonly cookieSecure: boolean;

  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokensService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.cookieSecure = isCookieSecure(config);
  }

  @Public()
  @Post('sign-up')
  @ApiOperation({ summary: 'Crée un compte et ouvre une session (cookie tps_session).' })
  @ApiBody(bodySchema(SignUpDto))
  async signUp(
    @Body() body: SignUpDto,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    const account = await this.accounts.signUp(body.email, body.password);
    await this.startSession(account.id, request, response);
    response.status(HttpStatus.CREATED);

    return account;
  }

  @Public()
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ouvre une session ; limité en nombre d’échecs par adresse et par IP.' })
  @ApiBody(bodySchema(SignInDto))
  async signIn(
    @Body() body: SignInDto,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    const account = await this.accounts.signIn(body.email, body.password, requestMeta(request));
    await this.startSession(account.id, request, response);

    return account;
  }

  @Public()
  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ferme la session et efface le cookie.' })
  async signOut(
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (request.sessionToken) {
      await this.sessions.close(request.sessionToken);
    }
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @ApiOperation({ summary: 'Compte connecté.' })
  me(@Caller() context: RequestContext): Promise<AccountView> {
    return this.accounts.getView(context.actor.accountId);
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Crée un jeton d’API ; le jeton n’est montré qu’une fois.' })
  @ApiBody(bodySchema(CreateApiTokenDto))
  createToken(
    @Caller() context: RequestContext,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenView> {
    return this.apiTokens.create(context.actor.accountId, body.name);
  }

  @Get('tokens')
  @ApiOperation({ summary: 'Jetons d’API actifs du compte.' })
  listTokens(@Caller() context: RequestContext): Promise<ApiTokenView[]> {
    return this.apiTokens.list(context.actor.accountId);
  }

  @Delete('tokens/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Révoque un jeton d’API.' })
  revokeToken(@Caller() context: RequestContext, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.apiTokens.revoke(context.actor.accountId, id);
  }

  private async startSession(
    accountId: string,
    request: GatewayRequest,
    response: Response,
  ): Promise<void> {
    const token = await this.sessions.open(accountId, requestMeta(request));
    response.cookie(SESSION_COOKIE, token, {
      ...this.cookieOptions(),
      maxAge: this.sessions.ttlMs,
    });
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: this.cookieSecure };
  }
}

function requestMeta(request: GatewayRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];

  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

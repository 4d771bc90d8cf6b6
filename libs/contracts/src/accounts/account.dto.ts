import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignUpDto {
  @IsEmail(
    {},
    {
      message:
        'email doit être une adresse électronique valide, par exemple jeanne.martin@example.fr',
    },
  )
  @MaxLength(254)
  email: string;

  /** At least 12 characters; stored as a scrypt hash. */
  @IsString()
  @MinLength(12, { message: 'password doit comporter au moins 12 caractères' })
  @MaxLength(200)
  password: string;
}

export class SignInDto {
  @IsEmail({}, { message: 'email doit être une adresse électronique valide' })
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class CreateApiTokenDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;
}

export interface AccountView {
  id: string;
  email: string;
  createdAt: string;
}

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Response to token creation, the only time the token itself is shown. */
export interface CreatedApiTokenView extends ApiTokenView {
  /** `tps_…`; send it as `Authorization: Bearer <token>`. */
  token: string;
}

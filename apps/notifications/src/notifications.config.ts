import { IsInt, IsString, IsUrl, Length, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@tps/platform';

/** Settings of the notifications service, read from the environment by `loadConfig`. */
export class NotificationsConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  override HTTP_PORT: number = 3003;

  /**
   * SMTP server that sends the e-mails, as `smtp://user:password@host:port` or `smtps://…`.
   * The default is the local mail catcher. Plain `smtp://` to a loopback host skips STARTTLS.
   */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] })
  SMTP_URL: string = 'smtp://127.0.0.1:1025';

  /** `From` header of every e-mail sent to applicants. */
  @IsString()
  @Length(3, 300)
  MAIL_FROM: string = 'TPS <ne-pas-repondre@tps.local>';

  /** Public address of the web front end; `--lien dossier--` reads `<PUBLIC_URL>/dossiers/<id>`. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL: string = 'http://localhost:3000';

  /** Deliveries of one event (the first included) before its e-mail is marked failed. */
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATIONS_MAX_ATTEMPTS: number = 8;

  /** Delay before the first retry of a failed sending, in milliseconds; it doubles each time. */
  @IsInt()
  @Min(10)
  NOTIFICATIONS_RETRY_BASE_MS: number = 2000;

  /**
   * Lease a replica takes on an e-mail while it sends it, in milliseconds. Another replica that
   * receives the same event during the lease leaves it alone. Keep it above the SMTP timeouts.
   */
  @IsInt()
  @Min(1000)
  NOTIFICATIONS_LEASE_MS: number = 60000;
}

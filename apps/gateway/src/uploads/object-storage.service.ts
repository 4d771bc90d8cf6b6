import type { Readable } from 'node:stream';

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Client } from 'minio';
import { createObjectStorageClient, ReadinessRegistry } from '@tps/platform';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';

/** The private attachments bucket: created at start when missing, checked by `/ready`. */
@Injectable()
export class ObjectStorage implements OnModuleInit {
  private readonly logger = new Logger(ObjectStorage.name);
  private readonly client: Client;
  private readonly bucket: string;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.client = createObjectStorageClient(config);
    this.bucket = config.S3_BUCKET;
  }

  async onModuleInit(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) {
      await this.client.makeBucket(this.bucket, this.config.S3_REGION);
      this.logger.log({ bucket: this.bucket }, 'bucket created');
    }
    this.readiness.add('s3', async () => {
      if (!(await this.client.bucketExists(this.bucket))) {
        throw new Error(`bucket ${this.bucket} not found`);
      }
    });
  }

  /**
   * Uploads a file from disk. fPutObject sends the known size, which S3 servers without
   * multipart-listing support (s3rver) require for small objects.
   */
  async putFile(
    objectKey: string,
    filePath: string,
    contentType: string,
    sha256: string,
  ): Promise<void> {
    await this.client.fPutObject(this.bucket, objectKey, filePath, {
      'Content-Type': contentType,
      'X-Amz-Meta-Sha256': sha256,
    });
  }

  async remove(objectKey: string): Promise<void> {
    await this.client.removeObject(this.bucket, objectKey);
  }

  async open(objectKey: string): Promise<Readable> {
    return this.client.getObject(this.bucket, objectKey);
  }
}

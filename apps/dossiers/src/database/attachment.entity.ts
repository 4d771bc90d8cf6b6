import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Metadata of a file attached to a piece_justificative field; the content is in the bucket. */
@Entity({ name: 'attachment' })
export class AttachmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @Column({ name: 'field_stable_id', type: 'uuid' })
  fieldStableId: string;

  @Column({ name: 'object_key', type: 'text' })
  objectKey: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;
}

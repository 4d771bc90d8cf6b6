import type { DossierFieldView } from '@tps/contracts';
import { FieldType } from '@tps/contracts/procedures/field-type';

import { formatBytes, formatDate, formatFileType, formatNumber } from '../format';
import { CompanyCard } from './CompanyCard';

interface FieldValueProps {
  field: DossierFieldView;
  /** Prefix of the download links, e.g. `/api/dossiers/<id>` or `/api/instructor/dossiers/<id>`. */
  attachmentBaseUrl: string;
}

/** Read-only value of one dossier field, as the applicant and the instructor see it. */
export function FieldValue({ field, attachmentBaseUrl }: FieldValueProps) {
  const { definition, value } = field;
  switch (definition.type) {
    case FieldType.HeaderSection:
    case FieldType.Explanation:
      return null;
    case FieldType.Attachment: {
      const attachments = field.attachments ?? [];
      if (attachments.length === 0) {
        return <Empty />;
      }
      return (
        <ul className="fr-mb-0">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <a
                className="fr-link fr-link--download"
                href={`${attachmentBaseUrl}/attachments/${attachment.id}`}
                download
              >
                {attachment.filename}
                <span className="fr-link__detail">
                  {formatFileType(attachment.contentType)} – {formatBytes(attachment.sizeBytes)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      );
    }
    case FieldType.Siret:
      if (value === null || value === undefined || value === '') {
        return <Empty />;
      }
      return (
        <>
          <p className="fr-mb-1w">{String(value)}</p>
          {field.siret && <CompanyCard siret={field.siret} />}
        </>
      );
    case FieldType.YesNo:
    case FieldType.Checkbox:
      if (value === null || value === undefined) {
        return <Empty />;
      }
      return <p className="fr-mb-0">{value === true ? 'Oui' : 'Non'}</p>;
    case FieldType.Date:
      return value ? <p className="fr-mb-0">{formatDate(String(value))}</p> : <Empty />;
    case FieldType.MultipleDropDownList:
      return Array.isArray(value) && value.length > 0 ? (
        <ul className="fr-mb-0">
          {value.map((choice) => (
            <li key={String(choice)}>{String(choice)}</li>
          ))}
        </ul>
      ) : (
        <Empty />
      );
    case FieldType.Phone:
      return value ? <p className="fr-mb-0">{formatPhone(String(value))}</p> : <Empty />;
    case FieldType.Text:
    case FieldType.Textarea:
    case FieldType.Integer:
    case FieldType.Decimal:
    case FieldType.Civility:
    case FieldType.DropDownList:
    case FieldType.Email:
      if (value === null || value === undefined || value === '') {
        return <Empty />;
      }
      return (
        <p className="fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
          {typeof value === 'number' ? formatNumber(value) : String(value)}
        </p>
      );
  }
}

/** Writes a 10-digit French number in pairs (06 12 34 56 78); other numbers stay as stored. */
function formatPhone(phone: string): string {
  return /^0\d{9}$/.test(phone) ? (phone.match(/\d{2}/g) ?? []).join(' ') : phone;
}

function Empty() {
  return <p className="fr-mb-0 fr-text-mention--grey">Non renseigné</p>;
}

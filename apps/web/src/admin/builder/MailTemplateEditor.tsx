import type {
  MailTagView,
  MailTemplateKind,
  MailTemplateView,
  RenderedEmail,
} from '@tps/contracts';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';

import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useResource } from '../../components/useResource';
import { usePageTitle } from '../../layout/usePageTitle';
import { type FieldErrors, fieldErrorsOf, focusFirstError } from '../form-errors';
import { FormErrorAlert } from '../FormErrorAlert';
import { InputGroup } from '../InputGroup';
import type { BuilderSectionProps } from './builder-section';
import { isMailKind, MAIL_KIND_LABELS, MAIL_KIND_TRIGGERS, tagUsableIn } from './mail-kinds';
import type { MailTemplates } from './mail-templates-resource';

/** Editor of one of the e-mails sent to applicants, at emails/:kind. */
export function MailTemplateEditor({ procedure }: BuilderSectionProps) {
  const { kind } = useParams();
  const label = isMailKind(kind) ? MAIL_KIND_LABELS[kind] : 'E-mail inconnu';
  usePageTitle(`E-mail « ${label} » – ${procedure.title}`);
  const resource = useResource(
    () => api<MailTemplates>('GET', `/admin/procedures/${procedure.id}/mail-templates`),
    procedure.id,
  );
  const back = (
    <Link
      className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
      to={`/admin/procedures/${procedure.id}/emails`}
    >
      Retour à la liste des e-mails
    </Link>
  );

  if (!isMailKind(kind)) {
    return (
      <>
        <h2>E-mail inconnu</h2>
        <p>Cet e-mail n’existe pas.</p>
        {back}
      </>
    );
  }
  const template = resource.data?.templates.find((candidate) => candidate.kind === kind);

  return (
    <>
      <p className="fr-mb-2w">{back}</p>
      <h2>E-mail « {label} »</h2>
      <p>{MAIL_KIND_TRIGGERS[kind]}</p>
      {resource.error !== undefined && (
        <ErrorAlert error={resource.error} title="Impossible d’afficher l’e-mail" />
      )}
      {resource.data === undefined && resource.loading && <Loading />}
      {resource.data && template && (
        <TemplateForm
          key={kind}
          procedureId={procedure.id}
          kind={kind}
          template={template}
          tags={resource.data.tags.filter((tag) => tagUsableIn(tag, kind))}
        />
      )}
    </>
  );
}

type Part = 'subject' | 'body';

const TEMPLATE_INPUTS: readonly Part[] = ['subject', 'body'];

interface TemplateFormProps {
  procedureId: string;
  kind: MailTemplateKind;
  template: MailTemplateView;
  tags: MailTagView[];
}

function TemplateForm({ procedureId, kind, template, tags }: TemplateFormProps) {
  const [saved, setSaved] = useState(template);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<RenderedEmail | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(undefined);
  const inputs = useRef<Record<Part, HTMLInputElement | HTMLTextAreaElement | null>>({
    subject: null,
    body: null,
  });
  // Where a tag goes: the input last focused and its selection, the body by default.
  const cursor = useRef<{ part: Part; start: number; end: number }>({
    part: 'body',
    start: body.length,
    end: body.length,
  });
  const pendingCaret = useRef<{ part: Part; position: number } | null>(null);
  const path = `/admin/procedures/${procedureId}/mail-templates/${kind}`;

  useEffect(() => {
    const pending = pendingCaret.current;
    if (!pending) {
      return;
    }
    pendingCaret.current = null;
    const input = inputs.current[pending.part];
    input?.focus();
    input?.setSelectionRange(pending.position, pending.position);
  });

  function remember(part: Part) {
    return (element: HTMLInputElement | HTMLTextAreaElement) => {
      cursor.current = {
        part,
        start: element.selectionStart ?? element.value.length,
        end: element.selectionEnd ?? element.value.length,
      };
    };
  }

  function insertTag(tag: string) {
    const { part, start, end } = cursor.current;
    const text = `--${tag}--`;
    const current = part === 'subject' ? subject : body;
    const next = current.slice(0, start) + text + current.slice(end);
    (part === 'subject' ? setSubject : setBody)(next);
    const position = start + text.length;
    cursor.current = { part, start: position, end: position };
    pendingCaret.current = { part, position };
    setStatus(
      `Balise --${tag}-- insérée dans ${part === 'subject' ? 'l’objet' : 'le corps du message'}.`,
    );
  }

  function checkTexts(): FieldErrors {
    const checked: FieldErrors = {};
    if (subject.trim() === '') {
      checked.subject = 'Saisissez l’objet de l’e-mail.';
    }
    if (body.trim() === '') {
      checked.body = 'Saisissez le corps du message.';
    }
    return checked;
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setError(undefined);
    const checked = checkTexts();
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const updated = await api<MailTemplateView>('PUT', path, { subject, body });
      setSaved(updated);
      setStatus(`E-mail enregistré le ${formatDateTime(updated.updatedAt)}.`);
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrorsOf(caught));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  async function onPreview() {
    setPreviewError(undefined);
    setPreview(null);
    const checked = checkTexts();
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirstError();
      return;
    }
    try {
      setPreview(await api<RenderedEmail>('POST', `${path}/preview`, { subject, body }));
      setErrors({});
      setStatus('Aperçu mis à jour.');
    } catch (caught) {
      setPreviewError(caught);
      setErrors(fieldErrorsOf(caught));
    }
  }

  const changed = subject !== saved.subject || body !== saved.body;
  return (
    <>
      <p className="fr-text--sm">
        {saved.isDefault
          ? 'Texte par défaut, jamais modifié.'
          : `Modifié le ${formatDateTime(saved.updatedAt)}.`}
        {changed && ' Des modifications ne sont pas enregistrées.'}
      </p>
      {error !== undefined && (
        <FormErrorAlert
          error={error}
          title="L’e-mail n’a pas été enregistré"
          inlineFields={TEMPLATE_INPUTS}
        />
      )}
      <form onSubmit={(event) => void onSave(event)} noValidate>
        <InputGroup
          id="email-objet"
          label="Objet"
          value={subject}
          onChange={setSubject}
          error={errors.subject}
          maxLength={300}
          onSelect={remember('subject')}
          inputRef={(element) => {
            inputs.current.subject = element;
          }}
          required
        />
        <InputGroup
          id="email-corps"
          label="Corps du message"
          hint="Chaque retour à la ligne commence un nouveau paragraphe. Les balises entre doubles tirets sont remplacées à l’envoi."
          value={body}
          onChange={setBody}
          error={errors.body}
          rows={12}
          maxLength={20000}
          onSelect={remember('body')}
          inputRef={(element) => {
            inputs.current.body = element;
          }}
          required
        />
        <TagButtons tags={tags} onInsert={insertTag} />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <button type="submit" className="fr-btn" disabled={busy}>
              Enregistrer
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              onClick={() => void onPreview()}
            >
              Aperçu
            </button>
          </li>
        </ul>
        <p className="fr-text--sm tps-save-status" role="status" aria-live="polite">
          {status}
        </p>
      </form>
      {previewError !== undefined && (
        <FormErrorAlert
          placement="below"
          error={previewError}
          title="L’aperçu n’a pas pu être produit"
          inlineFields={TEMPLATE_INPUTS}
        />
      )}
      {preview && <EmailPreview email={preview} />}
    </>
  );
}

function TagButtons({ tags, onInsert }: { tags: MailTagView[]; onInsert: (tag: string) => void }) {
  const builtIn = tags.filter((tag) => !tag.fieldStableId);
  const fieldTags = tags.filter((tag) => tag.fieldStableId);

  return (
    <fieldset className="fr-fieldset fr-mb-0" aria-describedby="balises-aide">
      <legend className="fr-fieldset__legend fr-text--regular">Insérer une balise</legend>
      <p className="fr-hint-text fr-mx-1w" id="balises-aide">
        La balise s’insère à la position du curseur dans l’objet ou le corps du message. À l’envoi,
        elle est remplacée par la valeur du dossier.
      </p>
      <TagGroup title="Informations du dossier" tags={builtIn} onInsert={onInsert} />
      {fieldTags.length > 0 && (
        <TagGroup title="Réponses du formulaire" tags={fieldTags} onInsert={onInsert} />
      )}
    </fieldset>
  );
}

function TagGroup({
  title,
  tags,
  onInsert,
}: {
  title: string;
  tags: MailTagView[];
  onInsert: (tag: string) => void;
}) {
  return (
    <div className="fr-fieldset__element">
      <p className="fr-text--sm fr-text--bold fr-mb-1w">{title}</p>
      <ul className="fr-tags-group">
        {tags.map((tag) => (
          <li key={tag.tag}>
            <button
              type="button"
              className="fr-tag fr-tag--sm"
              title={tag.description}
              onClick={() => onInsert(tag.tag)}
            >
              <span className="fr-sr-only">Insérer la balise </span>--{tag.tag}--
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Shows the e-mail rendered with example values. The notifications service escapes the values
 * in its HTML. The frame is sandboxed all the same, so it runs no script and cannot reach this page.
 */
function EmailPreview({ email }: { email: RenderedEmail }) {
  return (
    <section className="fr-mt-4w" aria-labelledby="apercu-email-titre">
      <h3 id="apercu-email-titre">Aperçu avec des valeurs d’exemple</h3>
      <div className="tps-mail-preview">
        <p className="fr-mb-2w">
          <strong>Objet :</strong> {email.subject}
        </p>
        <iframe
          title="Aperçu de l’e-mail au format HTML"
          sandbox=""
          srcDoc={email.html}
          style={{
            width: '100%',
            height: '24rem',
            border: '1px solid var(--border-default-grey)',
            background: '#fff',
          }}
        />
        <details className="fr-mt-2w">
          <summary>Version texte</summary>
          <pre
            className="fr-text--sm fr-mt-1w"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}
          >
            {email.text}
          </pre>
        </details>
      </div>
    </section>
  );
}

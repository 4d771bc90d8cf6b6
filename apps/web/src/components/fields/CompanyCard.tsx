import type { SiretFieldData } from '@tps/contracts';

import { formatDate } from '../format';

const EUROS = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** Shows the company API Entreprise returned for a SIRET, or why the lookup has no result yet. */
export function CompanyCard({ siret }: { siret: SiretFieldData }) {
  if (siret.status === 'pending') {
    return (
      <div className="fr-alert fr-alert--info fr-alert--sm fr-mt-1w" role="status">
        <p>
          {siret.message ??
            'Les informations de l’entreprise ne sont pas disponibles pour le moment. La recherche sera relancée automatiquement ; vous pouvez continuer.'}
        </p>
      </div>
    );
  }
  if (siret.status !== 'found' || siret.company === null) {
    return (
      <div className="fr-alert fr-alert--warning fr-alert--sm fr-mt-1w" role="status">
        <p>{siret.message ?? 'Aucune entreprise n’a été trouvée pour ce numéro SIRET.'}</p>
      </div>
    );
  }
  const company = siret.company;
  if (!company.diffusible) {
    return (
      <div className="fr-callout fr-mt-1w">
        <p className="fr-callout__text">
          Établissement trouvé (SIRET {company.siret}). Ses informations ne sont pas diffusibles.
        </p>
      </div>
    );
  }
  return (
    <div className="fr-callout fr-mt-1w" data-testid="company-card">
      <h3 className="fr-callout__title fr-h6">{company.name ?? `SIRET ${company.siret}`}</h3>
      <p className="fr-mb-1w">
        {company.active ? (
          <span className="fr-badge fr-badge--sm fr-badge--success">En activité</span>
        ) : (
          <span className="fr-badge fr-badge--sm fr-badge--error">
            Fermé{company.closedOn ? ` depuis le ${formatDate(company.closedOn)}` : ''}
          </span>
        )}
      </p>
      <dl className="fr-text--sm">
        {company.tradeName && <Item term="Enseigne" value={company.tradeName} />}
        <Item term="SIRET" value={company.siret} />
        {company.nafCode && (
          <Item
            term="Activité (NAF)"
            value={`${company.nafCode}${company.nafLabel ? ` – ${company.nafLabel}` : ''}`}
          />
        )}
        {company.legalForm && <Item term="Forme juridique" value={company.legalForm.label} />}
        {company.headcountBand && <Item term="Effectif" value={company.headcountBand.label} />}
        {company.addressLines.length > 0 && (
          <Item term="Adresse" value={company.addressLines.join(', ')} />
        )}
        {company.capital !== null && (
          <Item term="Capital social" value={EUROS.format(company.capital)} />
        )}
        {company.creationDate && (
          <Item term="Date de création" value={formatDate(company.creationDate)} />
        )}
        <Item term="Siège social" value={company.headOffice ? 'Oui' : 'Non'} />
      </dl>
    </div>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="fr-text--bold" style={{ display: 'inline' }}>
        {term} :
      </dt>{' '}
      <dd style={{ display: 'inline', margin: 0 }}>{value}</dd>
    </div>
  );
}

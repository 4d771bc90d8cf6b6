import 'reflect-metadata';

import { FieldType } from '@tps/contracts';

import { MailRenderer } from './mail-renderer';
import { buildTagValues } from './mail-tags';
import { tagValuesFromEvent } from './tag-values';
import type { DossierEventPayloadDto } from '../delivery/dossier-event-payload.dto';

describe('tagValuesFromEvent', () => {
  const event: DossierEventPayloadDto = {
    dossierId: '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    dossierNumber: 42,
    procedureId: '1f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    procedureTitle: 'Aide au sport',
    organisation: 'Mairie de Test',
    applicantEmail: 'usager@exemple.fr',
    motivation: null,
    submittedAt: '2026-03-14T23:30:00.000Z',
    instructionStartedAt: null,
    decidedAt: '2026-06-30T22:15:00.000Z',
    fields: [
      { label: 'Nom  du Club', displayValue: 'US Exemple' },
      { label: 'Motivation', displayValue: 'valeur du champ' },
    ],
  };

  it('gives built-in tags their value', () => {
    const values = tagValuesFromEvent(event, 'https://tps.exemple.fr/');

    expect(values['numéro du dossier']).toBe('42');
    expect(values['libellé démarche']).toBe('Aide au sport');
    expect(values['nom du service']).toBe('Mairie de Test');
    expect(values['lien dossier']).toBe(`https://tps.exemple.fr/dossiers/${event.dossierId}`);
    expect(values['date de dépôt']).toBe('15/03/2026');
    expect(values['date de passage en instruction']).toBe('');
    expect(values['date de décision']).toBe('01/07/2026');
  });

  it('normalises field labels', () => {
    expect(tagValuesFromEvent(event, 'http://localhost:3000')['nom du club']).toBe('US Exemple');
  });

  it('lets a built-in tag win over a field label', () => {
    expect(tagValuesFromEvent(event, 'http://localhost:3000').motivation).toBe('');
  });

  it('takes the motivation of this change', () => {
    const returned = { ...event, motivation: null, transitionMotivation: 'Joignez le RIB.' };

    expect(tagValuesFromEvent(returned, 'http://localhost:3000').motivation).toBe(
      'Joignez le RIB.',
    );
  });

  it('falls back to motivation in older events', () => {
    const older = { ...event, motivation: 'Pièces manquantes' };

    expect(tagValuesFromEvent(older, 'http://localhost:3000').motivation).toBe('Pièces manquantes');
  });

  it('leaves the motivation empty when the change has none', () => {
    const returned = { ...event, motivation: 'ancienne', transitionMotivation: null };

    expect(tagValuesFromEvent(returned, 'http://localhost:3000').motivation).toBe('');
  });

  it('builds a map without prototype', () => {
    const values = buildTagValues([['a', 'b']]);

    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(values.constructor).toBeUndefined();
  });

  it('writes numbers the French way in both parts', () => {
    const withNumbers: DossierEventPayloadDto = {
      ...event,
      fields: [
        { label: 'Salariés', type: FieldType.Integer, value: 1234567, displayValue: '1234567' },
        { label: 'Montant', type: FieldType.Decimal, value: 1234.56, displayValue: '1234,56' },
        { label: 'Taux', type: FieldType.Decimal, value: 0.123456, displayValue: '0,123456' },
        { label: 'Code', type: FieldType.Text, value: '1234.5', displayValue: '1234.5' },
      ],
    };
    const values = tagValuesFromEvent(withNumbers, 'http://localhost:3000');
    const mail = new MailRenderer().render(
      { subject: 'Dossier', body: 'Montant : --Montant--\nSalariés : --Salariés--' },
      values,
    );

    expect(values.salariés).toBe('1\u202f234\u202f567');
    expect(values.montant).toBe('1\u202f234,56');
    expect(values.taux).toBe('0,123456');
    expect(values.code).toBe('1234.5');
    expect(mail.text).toBe('Montant : 1\u202f234,56\nSalariés : 1\u202f234\u202f567');
    expect(mail.html).toContain('Montant : 1\u202f234,56<br>');
  });

  it('keeps the display value of an event without stored value', () => {
    const older = { ...event, fields: [{ label: 'Montant', displayValue: '1234,56' }] };

    expect(tagValuesFromEvent(older, 'http://localhost:3000').montant).toBe('1234,56');
  });
});

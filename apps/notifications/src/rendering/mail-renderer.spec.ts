import { MailRenderer } from './mail-renderer';
import { buildTagValues, formatParisDate } from './mail-tags';

describe('MailRenderer', () => {
  const renderer = new MailRenderer();
  const values = buildTagValues([
    ['numéro du dossier', '42'],
    ['libellé démarche', 'Aide au sport'],
    ['Nom du club', '<script>alert(1)</script> & Cie'],
    ['motivation', ''],
  ]);

  it('replaces tags case-insensitively in the subject, the text and the HTML', () => {
    const rendered = renderer.render(
      {
        subject: 'Dossier n° --numéro du dossier-- déposé',
        body: 'Démarche : --LIBELLÉ  démarche--',
      },
      values,
    );

    expect(rendered.subject).toBe('Dossier n° 42 déposé');
    expect(rendered.text).toBe('Démarche : Aide au sport');
    expect(rendered.html).toContain('<p style="margin:0 0 16px 0;">Démarche : Aide au sport</p>');
    expect(rendered.html).toContain('<html lang="fr">');
  });

  it('escapes values only in HTML', () => {
    const rendered = renderer.render(
      { subject: 'Club --nom du club--', body: 'Club : --nom du club--' },
      values,
    );

    expect(rendered.subject).toBe('Club <script>alert(1)</script> & Cie');
    expect(rendered.text).toBe('Club : <script>alert(1)</script> & Cie');
    expect(rendered.html).toContain('Club : &lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie');
    expect(rendered.html).not.toContain('<script>');
  });

  it('escapes the administrator text itself in the HTML body', () => {
    const rendered = renderer.render(
      { subject: 'a', body: 'Tarif <b>réduit</b> & "gratuit"' },
      values,
    );

    expect(rendered.html).toContain('Tarif &lt;b&gt;réduit&lt;/b&gt; &amp; &quot;gratuit&quot;');
    expect(rendered.text).toBe('Tarif <b>réduit</b> & "gratuit"');
  });

  it('shows the dossier link as a link in HTML only', () => {
    const linkValues = buildTagValues([
      ['lien dossier', 'https://tps.exemple.fr/dossiers/abc?x=1&y="2"'],
    ]);
    const rendered = renderer.render(
      { subject: 'Lien --lien dossier--', body: 'Suivi : --lien dossier--' },
      linkValues,
    );
    const escaped = 'https://tps.exemple.fr/dossiers/abc?x&#x3D;1&amp;y&#x3D;&quot;2&quot;';

    expect(rendered.html).toContain(`<a href="${escaped}">${escaped}</a>`);
    expect(rendered.text).toBe('Suivi : https://tps.exemple.fr/dossiers/abc?x=1&y="2"');
    expect(rendered.subject).toBe('Lien https://tps.exemple.fr/dossiers/abc?x=1&y="2"');
  });

  it('links no value that is not an http URL', () => {
    const linkValues = buildTagValues([['lien dossier', 'javascript:alert(1)']]);
    const rendered = renderer.render({ subject: 'a', body: '--lien dossier--' }, linkValues);

    expect(rendered.html).not.toContain('<a ');
    expect(rendered.html).toContain('javascript:alert(1)');
  });

  it('renders an empty or unknown tag as nothing', () => {
    const rendered = renderer.render(
      {
        subject: 'A--motivation--B--inconnu--C',
        body: 'x--motivation--y --toString-- --__proto__--z',
      },
      values,
    );

    expect(rendered.subject).toBe('ABC');
    expect(rendered.text).toBe('xy  z');
  });

  it('keeps Handlebars syntax written by the administrator literal', () => {
    const body =
      '{{constructor}} {{#with "a" as |x|}}{{x}}{{/with}} {{> partial}} \\{{lookup this "constructor"}}\\\\ {{{raw}}}';
    const rendered = renderer.render({ subject: '{{constructor.name}} \\{{x}}', body }, values);

    expect(rendered.text).toBe(body);
    expect(rendered.subject).toBe('{{constructor.name}} \\{{x}}');
    expect(rendered.html).toContain(
      '{{constructor}} {{#with &quot;a&quot; as |x|}}{{x}}{{/with}} {{&gt; partial}} \\{{lookup this &quot;constructor&quot;}}\\\\ {{{raw}}}',
    );
  });

  it('keeps Handlebars syntax in tag values literal', () => {
    const rendered = renderer.render(
      { subject: '--nom--', body: '--nom--' },
      buildTagValues([['nom', '{{constructor}} {{#each this}}x{{/each}}']]),
    );

    expect(rendered.subject).toBe('{{constructor}} {{#each this}}x{{/each}}');
    expect(rendered.text).toBe('{{constructor}} {{#each this}}x{{/each}}');
  });

  it('turns line breaks into <br> and blank lines into paragraphs', () => {
    const rendered = renderer.render(
      { subject: 'x', body: 'Bonjour,\r\n\r\nLigne 1\nLigne 2\n \n\nCordialement' },
      values,
    );

    expect(rendered.html).toContain('<p style="margin:0 0 16px 0;">Bonjour,</p>');
    expect(rendered.html).toContain('<p style="margin:0 0 16px 0;">Ligne 1<br>\nLigne 2</p>');
    expect(rendered.html).toContain('<p style="margin:0 0 16px 0;">Cordialement</p>');
    expect(rendered.text).toBe('Bonjour,\n\nLigne 1\nLigne 2\n \n\nCordialement');
  });

  it('turns line breaks inside a value into <br> in the HTML part only', () => {
    const rendered = renderer.render(
      { subject: 'x', body: 'Message : --motivation--\nFin' },
      buildTagValues([['motivation', 'Joignez le RIB.\r\nLa facture <scan> est illisible.']]),
    );

    expect(rendered.html).toContain(
      '<p style="margin:0 0 16px 0;">Message : Joignez le RIB.<br>\n' +
        'La facture &lt;scan&gt; est illisible.<br>\nFin</p>',
    );
    expect(rendered.text).toBe(
      'Message : Joignez le RIB.\r\nLa facture <scan> est illisible.\nFin',
    );
  });

  it('leaves out a line made only of tags without value', () => {
    const rendered = renderer.render(
      { subject: 'x', body: 'Bonjour,\n--motivation--\n  --inconnu-- --motivation--\nFin' },
      values,
    );

    expect(rendered.text).toBe('Bonjour,\nFin');
    expect(rendered.html).toContain('<p style="margin:0 0 16px 0;">Bonjour,<br>\nFin</p>');
  });

  it('keeps tag lines with a value or text', () => {
    const rendered = renderer.render(
      { subject: 'x', body: '--motivation-- --numéro du dossier--\nMotif : --motivation--' },
      values,
    );

    expect(rendered.text).toBe(' 42\nMotif : ');
  });

  it('drops the gap of a left-out paragraph', () => {
    const rendered = renderer.render(
      { subject: 'x', body: '--motivation--\n\nBonjour,\n\n--motivation--\n\nFin' },
      values,
    );

    expect(rendered.text).toBe('Bonjour,\n\nFin');
    expect(rendered.html).toContain(
      '<p style="margin:0 0 16px 0;">Bonjour,</p>\n<p style="margin:0 0 16px 0;">Fin</p>',
    );
  });

  it('removes line breaks from the subject, also those coming from a value', () => {
    const rendered = renderer.render(
      { subject: 'Dossier\n--nom--', body: 'x' },
      buildTagValues([['nom', 'a\r\nBcc: pirate@exemple.fr']]),
    );

    expect(rendered.subject).toBe('Dossier a Bcc: pirate@exemple.fr');
  });

  it('formats dates as dd/mm/yyyy in Paris time', () => {
    expect(formatParisDate('2026-12-31T23:30:00Z')).toBe('01/01/2027');
    expect(formatParisDate('2026-07-14T08:00:00Z')).toBe('14/07/2026');
    expect(formatParisDate(null)).toBe('');
  });
});

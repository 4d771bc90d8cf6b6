/** Types of form fields an administrator can place on a procedure. Values are stored and exported. */
export enum FieldType {
  Text = 'text',
  Textarea = 'textarea',
  Integer = 'integer_number',
  Decimal = 'decimal_number',
  Date = 'date',
  YesNo = 'yes_no',
  Checkbox = 'checkbox',
  Civility = 'civilite',
  DropDownList = 'drop_down_list',
  MultipleDropDownList = 'multiple_drop_down_list',
  Email = 'email',
  Phone = 'phone',
  Siret = 'siret',
  Attachment = 'piece_justificative',
  HeaderSection = 'header_section',
  Explanation = 'explication',
}

/** Types that only structure the form and never hold a value. */
export const NON_FILLABLE_FIELD_TYPES: ReadonlySet<FieldType> = new Set([
  FieldType.HeaderSection,
  FieldType.Explanation,
]);

/** Types whose definition must list `options.choices`. */
export const CHOICE_FIELD_TYPES: ReadonlySet<FieldType> = new Set([
  FieldType.DropDownList,
  FieldType.MultipleDropDownList,
]);

/** French labels shown in the form builder. */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  [FieldType.Text]: 'Texte court',
  [FieldType.Textarea]: 'Texte long',
  [FieldType.Integer]: 'Nombre entier',
  [FieldType.Decimal]: 'Nombre décimal',
  [FieldType.Date]: 'Date',
  [FieldType.YesNo]: 'Oui/Non',
  [FieldType.Checkbox]: 'Case à cocher seule',
  [FieldType.Civility]: 'Civilité',
  [FieldType.DropDownList]: 'Choix simple',
  [FieldType.MultipleDropDownList]: 'Choix multiple',
  [FieldType.Email]: 'Adresse électronique',
  [FieldType.Phone]: 'Téléphone',
  [FieldType.Siret]: 'Numéro SIRET',
  [FieldType.Attachment]: 'Pièce justificative',
  [FieldType.HeaderSection]: 'Titre de section',
  [FieldType.Explanation]: 'Explication',
};

// Placeholder until this page is built.
export function DossierFormPage() {
  return <h1>DossierFormPage</h1>;
}

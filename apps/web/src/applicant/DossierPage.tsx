// Placeholder until this page is built.
export function DossierPage() {
  return <h1>DossierPage</h1>;
}

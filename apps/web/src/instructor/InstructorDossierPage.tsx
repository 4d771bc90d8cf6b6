// Placeholder until this page is built.
export function InstructorDossierPage() {
  return <h1>InstructorDossierPage</h1>;
}

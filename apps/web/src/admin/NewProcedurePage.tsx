// Placeholder until this page is built.
export function NewProcedurePage() {
  return <h1>NewProcedurePage</h1>;
}

// Placeholder until this page is built.
export function ProcedureStartPage() {
  return <h1>ProcedureStartPage</h1>;
}

// Placeholder until this page is built.
export function ProcedureBuilderPage() {
  return <h1>ProcedureBuilderPage</h1>;
}

// Placeholder until this page is built.
export function AdminProceduresPage() {
  return <h1>AdminProceduresPage</h1>;
}

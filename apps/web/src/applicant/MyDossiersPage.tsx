// Placeholder until this page is built.
export function MyDossiersPage() {
  return <h1>MyDossiersPage</h1>;
}

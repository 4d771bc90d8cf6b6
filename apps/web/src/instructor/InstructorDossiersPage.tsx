// Placeholder until this page is built.
export function InstructorDossiersPage() {
  return <h1>InstructorDossiersPage</h1>;
}

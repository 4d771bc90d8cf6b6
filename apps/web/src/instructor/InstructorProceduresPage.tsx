// Placeholder until this page is built.
export function InstructorProceduresPage() {
  return <h1>InstructorProceduresPage</h1>;
}

/** Placeholder while data loads; announced politely to screen readers. */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="fr-my-4w" role="status" aria-live="polite">
      {label}
    </p>
  );
}

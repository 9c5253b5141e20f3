// A failed action's message, announced at once.

export function ActionError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" class="cbc-error">
      {error}
    </p>
  );
}

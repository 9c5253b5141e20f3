// An empty list says so, and says what to do to fill it: what is missing first (tests and
// people look for that sentence alone), the way forward after it.

export function EmptyState({ what, todo }: { what: string; todo: string }) {
  return (
    <div class="cbc-empty">
      <p class="cbc-empty-what">{what}</p>
      <p class="cbc-empty-todo">{todo}</p>
    </div>
  );
}

// Reports a changed Calendar once per kind, never as an exception into Google's page.

export type Log = (message: string, detail?: unknown) => void;

export const consoleLog: Log = (message, detail) => {
  console.warn(`[Craft Beyond Code] ${message}`, ...(detail === undefined ? [] : [detail]));
};

export function createLogOnce(log: Log): (kind: string, detail?: unknown) => void {
  const logged = new Set<string>();
  return (kind, detail) => {
    if (logged.has(kind)) return;
    logged.add(kind);
    try {
      log(kind, detail);
    } catch {
      // A logger must not break the page either.
    }
  };
}

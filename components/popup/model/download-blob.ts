// Saves a file the user asked for (backup, a person's notes): an object URL on an <a download>.

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only needed a moment longer.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

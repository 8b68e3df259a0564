/** Hands a file to the browser as a download. */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked a moment later: the browser may still be reading the URL when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

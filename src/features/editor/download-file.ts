/**
 * Hands a text file to the browser's downloads. A Blob URL needs no server and passes the
 * strict Content-Security-Policy (no inline script, no data: navigation).
 */
export function downloadFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

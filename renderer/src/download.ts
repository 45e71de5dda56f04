/**
 * Hands a file the app made to the user: a download, which the browser saves and Electron asks where to save.
 * The page never names a path (main writes files only where the CLI says, or into the data folder).
 */
function save(part: BlobPart, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBase64(base64: string, fileName: string, mime: string): void {
  save(
    Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
    fileName,
    mime,
  );
}

export function downloadText(text: string, fileName: string, mime: string): void {
  save(text, fileName, mime);
}

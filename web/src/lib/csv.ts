// CSV for downloads, shared by the views that export tables.

/**
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF between records. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with an apostrophe; numbers are left as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Starts a download of `text` as a file (client-side: the data is already in the page). */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

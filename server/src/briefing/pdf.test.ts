import { describe, expect, it } from 'vitest';
import { PdfBusy, pdfPrinter, PdfUnavailable } from './pdf.js';

describe('PDF printer', () => {
  it('refuses with what to install when Chromium is not where the configuration says', async () => {
    const printing = pdfPrinter({ chromiumPath: '/nowhere/chromium' }).print('<p>x</p>', 'footer');
    await expect(printing).rejects.toBeInstanceOf(PdfUnavailable);
    await expect(printing).rejects.toThrow(/apt-get install -y chromium.*ATLAS_CHROMIUM/);
  });

  it('refuses new jobs beyond the queue instead of piling them up', async () => {
    // Any existing file passes the installation check; with no room to wait, the job is refused before it starts.
    const printing = pdfPrinter({ chromiumPath: process.execPath, maxWaiting: 0 }).print('<p>x</p>', 'footer');
    await expect(printing).rejects.toBeInstanceOf(PdfBusy);
    await expect(printing).rejects.toThrow('try again in a minute');
  });
});

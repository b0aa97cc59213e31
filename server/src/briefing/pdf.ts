// PDF briefings: the briefing's own HTML printed to A4 by headless Chromium (playwright-core driving the machine's
// Chromium, config.chromiumPath). Printing costs a browser start and a few seconds of CPU, so jobs run one at a time,
// a few may wait, and each is bounded: past the limit the browser is closed and the caller told to try again.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { escapeXml } from './figures.js';

/** Chromium is not installed where the configuration says: a 503 that says what to install. */
export class PdfUnavailable extends Error {}
/** Too many PDFs are being printed, or one took too long: a 503 with Retry-After. */
export class PdfBusy extends Error {}

export interface PdfPrinter {
  print(html: string, footer: string): Promise<Buffer>;
}

export interface PdfOptions {
  chromiumPath: string;
  /** The longest one job may take, browser start included. */
  timeoutMs?: number;
  /** Jobs that may wait behind the running one before new ones are refused. */
  maxWaiting?: number;
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function pdfPrinter(options: PdfOptions): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxWaiting = options.maxWaiting ?? 4;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  async function printNow(html: string, footer: string): Promise<Buffer> {
    const held: { browser?: Browser } = {};
    let timer: NodeJS.Timeout | undefined;
    const job = (async () => {
      held.browser = await chromium.launch({ executablePath: options.chromiumPath, headless: true, args: ARGS });
      // No script runs and nothing is fetched: the page is self-contained.
      const context = await held.browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font: 8px Helvetica, Arial, sans-serif; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;"><span>${escapeXml(footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    })();
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PdfBusy(
              `Printing the PDF took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; try again in a minute, or open the HTML briefing and print it from the browser.`,
            ),
          ),
        timeoutMs,
      );
    });
    const close = () => held.browser?.close().catch(() => {});
    try {
      return await Promise.race([job, limit]);
    } finally {
      clearTimeout(timer);
      // Stops a print still running at the limit; a browser that finishes starting after it is closed when it does.
      await close();
      void job.then(close, close);
    }
  }

  return {
    print(html, footer) {
      if (!existsSync(options.chromiumPath)) {
        return Promise.reject(
          new PdfUnavailable(
            `PDF briefings need headless Chromium, which is not installed at ${options.chromiumPath}. Install it (Debian/Ubuntu: "apt-get install -y chromium") or set ATLAS_CHROMIUM to its path; the HTML briefing works without it.`,
          ),
        );
      }
      if (waiting >= maxWaiting) {
        return Promise.reject(new PdfBusy(`${waiting} PDFs are already being printed; try again in a minute.`));
      }
      waiting++;
      const result = queue.then(() => printNow(html, footer)).finally(() => waiting--);
      queue = result.catch(() => {});
      return result;
    },
  };
}

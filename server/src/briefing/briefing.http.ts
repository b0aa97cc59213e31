// GET /briefs/<kind>/<id>.html and .pdf: dated, sourced briefings of a capability, a technology, a scenario, or a
// comparison of 2–6 saved scenarios (/briefs/comparison/<id1>,<id2>.pdf). Reads follow the API's rules: signed in,
// unless anonymous reads are open (config.publicRead). Problems answer a short HTML page that says what to do.
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { renderBriefing, renderProblemPage } from './briefing.html.js';
import { capabilityBriefing, technologyBriefing } from './briefing.map.js';
import { BRIEFING_KINDS, isBriefingKind, type Briefing, type BriefingKind } from './briefing.model.js';
import { comparisonBriefing, scenarioBriefing } from './briefing.scenario.js';
import { PdfBusy, PdfUnavailable, type PdfPrinter } from './pdf.js';

export const BRIEFING_PATH = '/briefs/:kind/:file';
/** Anything else under /briefs (a missing part, a nested path). */
export const BRIEFING_FALLBACK_PATH = /^\/briefs(\/.*)?$/;

// The page is self-contained: its inline CSS and SVG, and nothing else (no script, no fetch).
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HOME = { href: '/', label: 'Back to the Atlas' };
const NOUN: Record<BriefingKind, string> = { capability: 'capability', technology: 'technology', scenario: 'saved scenario', comparison: 'saved scenario' };
const BACK: Record<BriefingKind, { href: string; label: string }> = {
  capability: { href: '/?view=dependencies', label: 'Back to Dependencies' },
  technology: { href: '/?view=explorer', label: 'Back to the Explorer' },
  scenario: { href: '/?view=scenarios', label: 'Back to Scenarios' },
  comparison: { href: '/?view=scenarios', label: 'Back to Scenarios' },
};

export interface BriefingRouteOptions {
  db: Database;
  who: (req: Request) => Promise<AuthUser | null>;
  publicRead: boolean;
  printer: PdfPrinter;
  now?: () => Date;
  log?: (line: string) => void;
}

function problem(res: Response, status: number, title: string, message: string, back = HOME) {
  res.status(status).type('html').setHeader('content-security-policy', PAGE_CSP);
  res.send(renderProblemPage({ status, title, message, back }));
}

async function build(db: Database, kind: BriefingKind, id: string, now: Date): Promise<Briefing | null> {
  switch (kind) {
    case 'capability':
      return capabilityBriefing(db, id, now);
    case 'technology':
      return technologyBriefing(db, id, now);
    case 'scenario':
      return scenarioBriefing(db, id, now);
    case 'comparison':
      return comparisonBriefing(
        db,
        id
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
        now,
      );
  }
}

const fileName = (b: Briefing) =>
  `atlas-briefing-${b.kind}-${b.id
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)}.pdf`;

export function briefingRoute(options: BriefingRouteOptions) {
  const now = options.now ?? (() => new Date());
  return async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'private, no-store');
    const kind = String(req.params.kind);
    const match = /^(.+)\.(html|pdf)$/.exec(String(req.params.file));
    if (!isBriefingKind(kind)) {
      return problem(
        res,
        404,
        'No such kind of briefing',
        `There are no "${kind}" briefings. Briefings exist for: ${BRIEFING_KINDS.join(', ')} (/briefs/<kind>/<id>.html or .pdf).`,
      );
    }
    if (!match) {
      return problem(res, 404, 'Choose HTML or PDF', `A briefing address ends in .html or .pdf, e.g. /briefs/${kind}/<id>.html.`, BACK[kind]);
    }
    const [, id, format] = match as unknown as [string, string, 'html' | 'pdf'];
    if (!(await options.who(req)) && !options.publicRead) {
      return problem(
        res,
        401,
        'Sign in to read briefings',
        'Briefings show the map, which only signed-in users may read here. Sign in to the Atlas, then open the briefing again.',
      );
    }
    let briefing: Briefing | null;
    try {
      briefing = await build(options.db, kind, id, now());
    } catch (error) {
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      const message = (error as Error).message;
      if (code === 'NOT_FOUND') {
        const missing = (error as { extensions?: { id?: string } }).extensions?.id ?? id;
        return problem(
          res,
          404,
          `No saved scenario “${missing}”`,
          `The Atlas has no saved scenario with the id “${missing}”. It may have been deleted; pick the scenarios to compare again in the Scenarios view.`,
          BACK[kind],
        );
      }
      if (code === 'BAD_USER_INPUT') {
        const field = (error as { extensions?: { fields?: { field: string; message: string }[] } }).extensions?.fields;
        const why = field?.length ? field.map((f) => `${f.field} ${f.message}`).join(' ') : message;
        return problem(
          res,
          400,
          'This comparison cannot be made',
          `${why} A comparison names 2 to 6 saved scenarios: /briefs/comparison/<id1>,<id2>.html.`,
          BACK[kind],
        );
      }
      if (code === 'SERVICE_UNAVAILABLE') return problem(res, 503, 'The database is not reachable', `${message} Try again in a moment.`, BACK[kind]);
      options.log?.(`Briefing ${kind}/${id} failed: ${(error as Error).stack ?? message}`);
      return problem(
        res,
        500,
        'The briefing could not be made',
        'Something went wrong on the server; the log has the details. Try again, or tell your administrator.',
        BACK[kind],
      );
    }
    if (!briefing) {
      return problem(
        res,
        404,
        `No ${NOUN[kind]} “${id}”`,
        `The Atlas has no ${NOUN[kind]} with the id “${id}”. It may have been deleted or renamed; pick it again from the view.`,
        BACK[kind],
      );
    }
    const html = renderBriefing(briefing);
    if (format === 'html') {
      res.status(200).type('html').setHeader('content-security-policy', PAGE_CSP);
      res.send(html);
      return;
    }
    try {
      const pdf = await options.printer.print(html, `Foresight Atlas · ${briefing.title} · generated ${briefing.generatedAt.toISOString().slice(0, 10)}`);
      res
        .status(200)
        .type('application/pdf')
        .setHeader('content-disposition', `attachment; filename="${fileName(briefing)}"`);
      res.send(pdf);
    } catch (error) {
      if (error instanceof PdfUnavailable) return problem(res, 503, 'PDF printing is not installed', error.message, BACK[kind]);
      if (error instanceof PdfBusy) {
        res.setHeader('retry-after', '30');
        return problem(res, 503, 'The PDF printer is busy', error.message, BACK[kind]);
      }
      options.log?.(`PDF of briefing ${kind}/${id} failed: ${(error as Error).stack ?? error}`);
      return problem(
        res,
        500,
        'The PDF could not be printed',
        'Chromium failed while printing; the log has the details. The HTML briefing still works: open it and print it from the browser.',
        BACK[kind],
      );
    }
  };
}

/** /briefs and any path under it that is not a briefing address. */
export function briefingFallbackRoute() {
  return (_req: Request, res: Response) =>
    problem(
      res,
      404,
      'No such briefing address',
      `Briefings live at /briefs/<kind>/<id>.html or .pdf, for the kinds ${BRIEFING_KINDS.join(', ')}; open one from the Dependencies, Explorer or Scenarios view.`,
    );
}

// GET /export/map.xlsx[?capabilityId=cap:…]: the map workbook, under the API's read rules (signed in, unless
// ATLAS_PUBLIC_READ=true).
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { exportMap } from './map-sheets.service.js';

export const MAP_EXPORT_PATH = '/export/map.xlsx';

export function mapExportRoute(db: Database, who: (req: Request) => Promise<AuthUser | null>, publicRead: boolean) {
  return async (req: Request, res: Response) => {
    const user = await who(req);
    if (!user && !publicRead) {
      res.status(401).json({ errors: [{ message: 'Sign in to export the map.', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    const capabilityId = typeof req.query.capabilityId === 'string' && req.query.capabilityId ? req.query.capabilityId : null;
    try {
      const file = await exportMap(db, capabilityId);
      const name = capabilityId ? `atlas-${capabilityId.replace(/[^a-z0-9-]+/gi, '-')}.xlsx` : 'atlas-map.xlsx';
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.send(file);
    } catch (error) {
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      res
        .status(code === 'NOT_FOUND' ? 404 : 500)
        .json({ errors: [{ message: (error as Error).message, extensions: { code: code ?? 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}

import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { badInput } from '../graphql/errors.js';
import { actorOf } from '../request/change-actor.js';
import { importMap } from './map-sheets.service.js';
import { MapImportReport } from './map-sheets.type.js';

@Resolver(() => MapImportReport)
export class MapSheetsResolver {
  @Authorized('analyst')
  @Mutation(() => MapImportReport, {
    description:
      'Import a map workbook (XLSX, or one CSV sheet named by its file) given as base64. dryRun: true shows the diff and ' +
      'errors; false applies it in one transaction unless there is any error. Layout: docs/mapping-spreadsheets.md.',
  })
  importMap(
    @Arg('file', () => String, { description: 'The file\u2019s bytes, base64.' }) file: string,
    @Arg('fileName', () => String, { description: 'Ends in .xlsx or .csv (a CSV file is named after its sheet, e.g. SUPPLIED_BY.csv).' }) fileName: string,
    @Arg('dryRun', () => Boolean) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    if (!/^[A-Za-z0-9+/=\s]+$/.test(file)) throw badInput({ field: 'file', message: 'must be the file in base64.' });
    return importMap(ctx.db, Buffer.from(file, 'base64'), fileName, dryRun, actorOf(ctx), ctx.user?.role === 'admin');
  }
}

// Typed calls of the import / export view.
import type * as Api from '../../lib/graphql/api-types';
import { gql } from '../../lib/graphql/client';
import { IMPORT_MAP } from './sheets.operations';
import { toBase64, type MapImportReport } from './sheets-report';

/** Dry run (what it would do) or apply (written only when there is no error). */
export async function importWorkbook(file: File, dryRun: boolean): Promise<MapImportReport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const data = await gql<Api.ImportMapMutation, Api.ImportMapMutationVariables>(IMPORT_MAP, { file: toBase64(bytes), fileName: file.name, dryRun });
  return data.importMap;
}

/** The export route: the whole map, or one capability's part. The session cookie goes with the link. */
export function exportHref(capabilityId: string | null): string {
  return capabilityId ? `/export/map.xlsx?capabilityId=${encodeURIComponent(capabilityId)}` : '/export/map.xlsx';
}

// Provenance of a technology's readiness values (issue 19): a TRL, horizon or EU position names the source it comes
// from and says whether the source states it or a curator judged it from the source (an estimate, with its basis).
import type { SeedProblem, SeedRecord } from './seed-data.js';

/** The readiness values that carry provenance, each with its flat companion properties (`trlSource`, `trlBasis`, `trlNote`…). */
export const READINESS_VALUES = ['trl', 'horizon', 'euPosition'] as const;
export type ReadinessValue = (typeof READINESS_VALUES)[number];

const present = (value: unknown) => value !== undefined && value !== null;

/**
 * Problems with the provenance of one technology record. Field types and ranges are checked by the spec; this checks
 * what goes together: a value needs its source (an id also listed in the record's `sources`) and its basis, an estimate
 * needs a note saying what in the source it rests on, a TRL needs its year, and provenance needs a value to describe.
 */
export function readinessProblems(record: SeedRecord, file: string, label: string, sourceIds: ReadonlySet<string>): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ file, record: label, field, message });
  const sources = Array.isArray(record.sources) ? record.sources : [];
  for (const value of READINESS_VALUES) {
    const source = record[`${value}Source`];
    const basis = record[`${value}Basis`];
    const note = record[`${value}Note`];
    if (!present(record[value])) {
      for (const [field, given] of [
        [`${value}Source`, source],
        [`${value}Basis`, basis],
        [`${value}Note`, note],
      ] as const) {
        if (present(given)) problem(field, `describes a ${value} the record does not have; set "${value}" or remove "${field}".`);
      }
      continue;
    }
    if (!present(source)) problem(`${value}Source`, `is required with "${value}": the id of the Source record it comes from.`);
    else if (typeof source === 'string' && !sourceIds.has(source)) problem(`${value}Source`, `"${source}" is not an id in nodes/sources.json.`);
    else if (typeof source === 'string' && !sources.includes(source)) problem(`${value}Source`, `"${source}" must also be listed in the record's "sources".`);
    if (!present(basis))
      problem(`${value}Basis`, `is required with "${value}": "stated" when the source gives it, "estimate" when it is a curator's judgement from the source.`);
    else if (basis === 'estimate' && !present(note)) problem(`${value}Note`, `is required for an estimate: say what in the source the judgement rests on.`);
  }
  if (present(record.trl) && !present(record.trlYear)) problem('trlYear', 'is required with "trl": the year the readiness was assessed.');
  return problems;
}

import { describe, expect, it } from 'vitest';
import { formatFilters, NO_FILTERS, parseFilters, toApiFilter } from '../../web/src/views/Signals/signals-filter';

describe('signals inbox filters in the URL', () => {
  it('keep the words analysts read in links, and send the API its enum values', () => {
    const filters = parseFilters('#status=assessed&steep=political&target=tech:drones&from=2026-01-01');
    expect(filters).toEqual({ status: 'ASSESSED', steep: 'POLITICAL', target: 'tech:drones', from: '2026-01-01', to: null, by: null });
    expect(formatFilters(filters)).toBe('#status=assessed&steep=political&target=tech:drones&from=2026-01-01');
    expect(toApiFilter(filters, ' drone ')).toEqual({
      text: 'drone',
      status: 'ASSESSED',
      steep: 'POLITICAL',
      targetId: 'tech:drones',
      publishedFrom: '2026-01-01',
      publishedTo: null,
    });
  });

  it('keep the grouping by cluster (#by=cluster), which is no API filter', () => {
    const filters = parseFilters('#status=new&by=cluster');
    expect(filters.by).toBe('cluster');
    expect(formatFilters(filters)).toBe('#status=new&by=cluster');
    expect(toApiFilter(filters, '')).not.toHaveProperty('by');
    expect(parseFilters('#by=topic').by).toBeNull();
  });

  it('drop words that are not in the vocabulary (and API names typed into a link)', () => {
    expect(parseFilters('#status=done&steep=POLITICAL')).toEqual(NO_FILTERS);
  });
});

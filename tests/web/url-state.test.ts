// The view state carried in the URL (web/src/lib/state/url-codec.ts): levels, "only critical", opened entities, tab,
// hidden link types, layout and focus mode survive a round trip; malformed values fall back to the default.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../../web/src/lib/state/url-codec';

describe('view state in the URL', () => {
  it('writes and reads back every view setting', () => {
    const state = {
      ...DEFAULT_STATE,
      view: 'dependencies',
      focus: 'cap:border-surveillance',
      select: 'mat:gallium',
      levels: 3,
      critical: true,
      open: ['comp:cmos-image-sensors', 'country:cn'],
      tab: 'flow',
    };
    const query = formatUrlState(state);
    expect(query).toBe(
      '?view=dependencies&focus=cap:border-surveillance&select=mat:gallium&levels=3&critical=1&open=comp:cmos-image-sensors,country:cn&tab=flow',
    );
    expect(parseUrlState(query)).toEqual(state);
  });

  it('keeps the Explorer settings, hidden link types in a stable order', () => {
    const parsed = parseUrlState('?focus=tech:facial-recognition&depth=2&hide=SUPPLIED_BY,IN_KET_AREA&layout=concentric&fm=1&open=tech:a');
    expect(parsed).toMatchObject({ hideLinks: ['IN_KET_AREA', 'SUPPLIED_BY'], layout: 'concentric', focusMode: true, open: ['tech:a'], depth: 2 });
    expect(formatUrlState(parsed)).toBe('?focus=tech:facial-recognition&depth=2&open=tech:a&hide=IN_KET_AREA,SUPPLIED_BY&layout=concentric&fm=1');
  });

  it('drops malformed values instead of failing', () => {
    const parsed = parseUrlState('?levels=0&critical=yes&open=<script>,,tech:a,tech:a&tab=%20&layout=1x&fm=2');
    expect(parsed.levels).toBeUndefined();
    expect(parsed.critical).toBeUndefined();
    expect(parsed.open).toEqual(['tech:a']);
    expect(parsed.tab).toBeUndefined();
    expect(parsed.layout).toBeUndefined();
    expect(parsed.focusMode).toBeUndefined();
  });

  it('omits defaults, so an untouched view keeps a short link', () => {
    expect(formatUrlState({ ...DEFAULT_STATE, levels: null, critical: false, open: [], tab: null, hideLinks: [] })).toBe('');
  });
});

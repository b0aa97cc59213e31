// De-duplication keys and the intake plan, on hand-made records and the duplicate-laden sample feed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.parse.js';
import { parseFeed } from './feed.parse.js';
import { checkRecord, planImport, tally, type ExistingKeys, type IntakeDefaults } from './signal.intake.js';
import { canonicalUrl, contentHash, plainText, slugOf, toCalendarDay } from './signal.text.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');
const defaults: IntakeDefaults = { steep: 'technological', status: 'new', observedAt: '2026-11-26' };
const none: ExistingKeys = { byUrl: new Map(), byHash: new Map(), takenIds: new Set(), targetKinds: new Map() };

describe('canonical URL', () => {
  it('lower-cases the host, drops the fragment, utm_* parameters and the trailing slash', () => {
    expect(canonicalUrl('https://BRIEFING.Example.net/2026/08/Drone-Swarm/?utm_source=newsletter&utm_campaign=weekly#top')).toBe(
      'https://briefing.example.net/2026/08/Drone-Swarm',
    );
    expect(canonicalUrl('HTTP://example.org:80/')).toBe('http://example.org');
    expect(canonicalUrl('https://example.org/a?id=7&UTM_Medium=rss&page=2')).toBe('https://example.org/a?id=7&page=2');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(canonicalUrl('ftp://example.org/file')).toBeNull();
    expect(canonicalUrl('/relative/path')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });
});

describe('content hash', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(contentHash('DRONE SWARMS used to probe a land border, at night!', 'Border guards detected…')).toBe(
      contentHash('Drone swarms used to probe a land border at night', 'border guards   detected'),
    );
    expect(contentHash('Gefährdung', null)).toBe(contentHash('gefahrdung', ''));
  });

  it('tells different content apart, and title from summary', () => {
    expect(contentHash('Drone swarms', 'at night')).not.toBe(contentHash('Drone swarms at night', ''));
  });
});

describe('text helpers', () => {
  it('reads RSS, Atom and plain dates as UTC calendar days', () => {
    expect(toCalendarDay('Thu, 18 Jun 2026 07:30:00 +0200')).toBe('2026-06-18');
    expect(toCalendarDay('2026-10-05T23:20:00-02:00')).toBe('2026-10-06');
    expect(toCalendarDay('2026-02-30')).toBeNull();
    expect(toCalendarDay('not-a-date')).toBeNull();
  });

  it('keeps the text of HTML', () => {
    expect(plainText('<p>One &amp; <b>two</b></p>\n<p>three&#8230; &#x2014; done &unknown;</p>')).toBe('One & two three… — done &unknown;');
  });

  it('makes id slugs, cut at a word boundary', () => {
    expect(slugOf('Société: drones & “swarms” 2026!')).toBe('societe-drones-swarms-2026');
    expect(slugOf('Counter-drone trials at three EU airports report mixed detection rates')).toBe('counter-drone-trials-at-three-eu-airports-report-mixed');
    expect(slugOf('x'.repeat(70))).toBe('x'.repeat(60));
    expect(slugOf('!!!')).toBe('untitled');
  });
});

describe('checking records', () => {
  it('fills defaults and reads STEEP from a feed category', () => {
    const [first] = parseFeed(fixture('security-tech-watch.rss.xml')).records;
    const checked = checkRecord(first!, defaults);
    expect(checked.draft).toMatchObject({
      name: 'Counter-drone trials at three EU airports report mixed detection rates',
      canonicalUrl: 'https://watch.example.org/2026/10/counter-drone-airport-trials',
      publishedAt: '2026-10-27',
      observedAt: '2026-11-26',
      steep: 'technological',
      status: 'new',
    });
  });

  it('names every problem of a bad record', () => {
    const checked = checkRecord(
      { position: 1, line: 3, title: ' ', url: 'www.example.org', publishedAt: '2027-05-01', steep: 'military', status: 'done' },
      defaults,
    );
    expect(checked.reason).toBe(
      'title is missing; url "www.example.org" is not an absolute http(s) URL; publication date 2027-05-01 is in the future; ' +
        'STEEP category "military" is not one of social, technological, economic, environmental, political; status "done" is ' +
        'not one of new, assessed, linked, archived.',
    );
  });
});

describe('planning an import', () => {
  it('finds duplicates within one feed by canonical URL and by content', () => {
    const records = parseFeed(fixture('feed-with-duplicate.rss.xml')).records.map((r) => checkRecord(r, defaults));
    const plan = planImport(records, none);
    expect(plan.map((p) => p.outcome)).toEqual(['created', 'created', 'duplicate', 'duplicate', 'rejected']);
    const first = 'sig:2026-08-10-drone-swarms-used-to-probe-a-land-border-at-night';
    expect(plan[0]!.signalId).toBe(first);
    expect(plan[2]).toMatchObject({ duplicateOf: first, reason: `same URL as ${first}.` });
    expect(plan[3]).toMatchObject({ duplicateOf: first, reason: `same title and summary as ${first}.` });
    expect(plan[4]!.reason).toBe('title is missing.');
    expect(tally(plan)).toEqual({ total: 5, created: 2, duplicates: 2, rejected: 1 });
  });

  it('finds duplicates of stored signals, and avoids taken ids', () => {
    const records = parseFeed(fixture('feed-with-duplicate.rss.xml'))
      .records.slice(0, 2)
      .map((r) => checkRecord(r, defaults));
    const fence = records[1]!.draft!;
    const existing: ExistingKeys = {
      ...none,
      byUrl: new Map([['https://briefing.example.net/2026/08/drone-swarm-border-probe', 'sig:stored']]),
      takenIds: new Set(['sig:2026-08-12-smart-fences-with-fibre-optic-sensing-extended-by-40-km']),
    };
    const plan = planImport(records, existing);
    expect(plan[0]).toMatchObject({ outcome: 'duplicate', duplicateOf: 'sig:stored' });
    expect(plan[1]!.signalId).toBe(`sig:2026-08-12-smart-fences-with-fibre-optic-sensing-extended-by-40-km-${fence.contentHash.slice(0, 8)}`);
  });

  it('rejects CSV rows with a bad date, a wrong field count or an unknown link target', () => {
    const records = parseCsv(fixture('analyst-signals-with-bad-row.csv')).records.map((r) => checkRecord(r, defaults));
    const targetKinds = new Map([
      ['tech:facial-recognition', 'Technology' as const],
      ['tech:encrypted-criminal-phones', 'Technology' as const],
    ]);
    const plan = planImport(records, { ...none, targetKinds });
    expect(plan.map((p) => [p.position, p.outcome])).toEqual([
      [1, 'created'],
      [2, 'created'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    expect(plan[2]!.reason).toBe('publication date "not-a-date" is not a date.');
    expect(plan[3]!.reason).toBe('links to "cap:lawful-access-to-data", which is not a known Technology, Capability, CaseStudy.');
    expect(plan[4]!.reason).toBe('the row has 8 fields; the header has 7.');
    expect(plan[1]!.draft!.targetIds).toEqual(['tech:facial-recognition']);
  });
});

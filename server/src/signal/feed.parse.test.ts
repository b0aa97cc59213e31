// Feed and CSV parsing on real-shaped samples (tests/fixtures/feeds/). Expected values are read off the files by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.parse.js';
import { FeedError, looksLikeXml, parseFeed } from './feed.parse.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('RSS 2.0', () => {
  const feed = parseFeed(fixture('security-tech-watch.rss.xml'));

  it('reads every item with its title, link, date and the channel as publisher', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Security Technology Watch');
    expect(feed.records).toHaveLength(4);
    expect(feed.records[0]).toMatchObject({
      position: 1,
      title: 'Counter-drone trials at three EU airports report mixed detection rates',
      url: 'https://watch.example.org/2026/10/counter-drone-airport-trials/?utm_source=rss&utm_medium=rss&utm_campaign=counter-drone',
      publisher: 'Security Technology Watch',
      publishedAt: 'Tue, 27 Oct 2026 09:15:00 +0000',
      categories: ['Drones', 'Technology'],
    });
  });

  it('turns CDATA HTML descriptions into plain text and decodes entities', () => {
    expect(feed.records[0]!.summary).toBe(
      'Radio-frequency detection found most commercial drones, but modified drones flying pre-programmed routes went unseen ' +
        'until radar was added. The post Counter-drone trials appeared first on Security Technology Watch.',
    );
    expect(feed.records[1]!.title).toBe('Open-weight speech models make voice cloning of officials cheap & fast');
  });

  it('uses a permalink guid when an item has no link', () => {
    expect(feed.records[3]!.url).toBe('https://watch.example.org/2026/05/raman-nitazenes/');
  });
});

describe('Atom 1.0', () => {
  const feed = parseFeed(fixture('research-digest.atom.xml'));

  it('takes the alternate link, not the enclosure, and html titles as text', () => {
    expect(feed.format).toBe('atom');
    expect(feed.records).toHaveLength(3);
    expect(feed.records[0]).toMatchObject({
      title: 'GaN power amplifiers: export licences delay EU radar programmes',
      url: 'https://digest.example.eu/papers/gan-licences-radar',
      publishedAt: '2026-10-05T16:20:00+02:00',
      summary: 'Programme managers report 4–9 month delays for gallium-nitride amplifier modules after new licensing rules.',
      categories: ['economic'],
      publisher: 'Research Digest — Security & Resilience',
    });
  });

  it('falls back to <updated> without <published>, to <content> without <summary>, and to the entry source as publisher', () => {
    expect(feed.records[1]).toMatchObject({ url: 'https://digest.example.eu/papers/sar-microsat-resolution', publishedAt: '2026-08-21T08:00:00Z' });
    expect(feed.records[2]).toMatchObject({
      publisher: 'Journal of Cybercrime Studies',
      summary: 'Researchers show that tool-using language models adapt phishing kits to a target organisation in minutes.',
    });
  });
});

describe('a feed with duplicates', () => {
  it('reads all five items (de-duplication happens later) including the untitled one', () => {
    const feed = parseFeed(fixture('feed-with-duplicate.rss.xml'));
    expect(feed.records.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(feed.records[4]!.title).toBeUndefined();
    expect(feed.records[2]!.url).toBe('https://BRIEFING.example.net/2026/08/drone-swarm-border-probe/?utm_source=newsletter&utm_campaign=weekly#top');
  });
});

describe('malformed or foreign XML', () => {
  it('names the line and column of a malformed feed', () => {
    expect(() => parseFeed(fixture('malformed.rss.xml'))).toThrow(FeedError);
    expect(() => parseFeed(fixture('malformed.rss.xml'))).toThrow(/not well-formed XML: .*description.* \(line 9, column 5\)/);
  });

  it('refuses XML that is not a feed', () => {
    expect(() => parseFeed('<html><body>Not a feed</body></html>')).toThrow(/root element is <html>/);
    expect(() => parseFeed('<rss version="2.0"><nochannel/></rss>')).toThrow(/no <channel>/);
  });

  it('tells XML from CSV by the first character', () => {
    expect(looksLikeXml('\uFEFF  <?xml version="1.0"?><rss/>')).toBe(true);
    expect(looksLikeXml('title,url\n')).toBe(false);
  });

  it('keeps entity expansion bounded', () => {
    const bomb =
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${'x'.repeat(5000)}"><!ENTITY b ` +
      `"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c ` +
      `"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;&c;&c;&c;&c;</title></item></channel></rss>`;
    let result: unknown;
    try {
      result = parseFeed(bomb);
    } catch (error) {
      result = error;
    }
    // Either refused, or read without blowing up to megabytes of text.
    if (result instanceof Error) expect(result).toBeInstanceOf(FeedError);
    else expect(JSON.stringify(result).length).toBeLessThan(300_000);
  });
});

describe('CSV', () => {
  const csv = parseCsv(fixture('analyst-signals-with-bad-row.csv'));

  it('reads rows by header name, with quoted commas, quotes and line breaks', () => {
    expect(csv.format).toBe('csv');
    expect(csv.records).toHaveLength(5);
    expect(csv.records[0]).toMatchObject({
      position: 1,
      line: 2,
      title: 'Dark-web vendors advertise "undetectable" 3D-printed firearm parts',
      publishedAt: '2026-04-14',
      steep: 'social',
    });
    expect(csv.records[1]!.summary).toBe('The pilot at a land crossing uses face and iris capture from vehicles;\nthroughput doubled during the trial.');
    // The quoted line break makes the second row end on line 4.
    expect(csv.records[1]!.line).toBe(4);
  });

  it('splits the link column into ids', () => {
    expect(csv.records[1]!.targetIds).toEqual(['tech:facial-recognition']);
    expect(csv.records[3]!.targetIds).toEqual(['tech:encrypted-criminal-phones', 'cap:lawful-access-to-data']);
  });

  it('marks a row with the wrong number of fields instead of failing the file', () => {
    expect(csv.records[4]!.problem).toBe('has 8 fields; the header has 7');
    expect(csv.records.slice(0, 4).every((r) => r.problem === undefined)).toBe(true);
  });

  it('reads semicolon-delimited exports with a byte-order mark', () => {
    const parsed = parseCsv('\uFEFFTitle;Link;Date\n"A title; with a semicolon";https://a.example.org/x;2026-01-02\n');
    expect(parsed.records).toEqual([{ position: 1, line: 2, title: 'A title; with a semicolon', url: 'https://a.example.org/x', publishedAt: '2026-01-02' }]);
  });

  it('refuses a file csv-parse cannot read, or a header without the required columns', () => {
    expect(() => parseCsv(fixture('malformed.csv'))).toThrow(/cannot be read: Quote Not Closed/);
    expect(() => parseCsv('name,link\nA,https://a.example.org\n')).toThrow(/missing: title, publishedAt/);
    expect(() => parseCsv('   \n')).toThrow(/empty/);
  });
});

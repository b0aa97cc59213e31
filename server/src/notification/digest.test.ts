// The digest's page and .eml, and the Atom feed, on two hand-made notifications (no database).
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NotificationKind } from '../vocabulary/vocabularies.js';
import { digestEml, digestHtml } from './digest.js';
import { notificationsAtom } from './notification.feed.js';
import type { NotificationRecord } from './notification.repository.js';

const rows: NotificationRecord[] = [
  {
    id: 'n2',
    kind: NotificationKind.SIGNAL_LINKED,
    subjectId: 'tech:q',
    subjectKind: 'Technology',
    subjectName: 'Quantum <sensing>',
    actorId: 'user:ben',
    actorName: 'Ben',
    message: 'Ben linked signal “A & B” to “Quantum <sensing>”.',
    createdAt: '2026-12-02T09:30:00.000Z',
    readAt: null,
  },
  {
    id: 'n1',
    kind: NotificationKind.MAPPING_CHANGED,
    subjectId: 'sig:s',
    subjectKind: 'Signal',
    subjectName: 'Gravimeter',
    actorId: 'user:ben',
    actorName: 'Ben',
    message: 'Ben changed status of “Gravimeter”.',
    createdAt: '2026-12-01T18:00:00.000Z',
    readAt: '2026-12-01T19:00:00.000Z',
  },
];
const input = {
  user: { name: 'Ann Analyst', email: 'ann@atlas.test' },
  notifications: rows,
  since: new Date('2026-12-01T10:00:00Z'),
  until: new Date('2026-12-02T10:00:00Z'),
  baseUrl: 'https://atlas.example.org',
  from: 'Foresight Atlas <no-reply@atlas.example.org>',
};

describe('the daily digest', () => {
  it('lists each notification with its link, escaped', () => {
    const html = digestHtml(input);
    expect(html).toContain('<title>Foresight Atlas digest for 2026-12-02: 2 notifications</title>');
    expect(html).toContain('<a href="https://atlas.example.org/?view=explorer&amp;focus=tech:q">Quantum &lt;sensing&gt;</a>');
    expect(html).toContain('Ben linked signal “A &amp; B” to “Quantum &lt;sensing&gt;”.');
    expect(html).not.toContain('<sensing>');
  });

  it('is an email with the headers a mail client needs, HTML and plain text', async () => {
    const eml = (await digestEml(input)).toString('utf8');
    const [head] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^From: Foresight Atlas <no-reply@atlas\.example\.org>$/m);
    expect(head).toMatch(/^To: Ann Analyst <ann@atlas\.test>$/m);
    expect(head).toMatch(/^Subject: Foresight Atlas digest for 2026-12-02: 2 notifications$/m);
    expect(head).toMatch(/^Date: Wed, 02 Dec 2026 10:00:00 \+0000$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(eml).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(eml).toMatch(/Content-Type: text\/html; charset=utf-8/);
  });

  it('says "nothing new" on a quiet day', () => {
    expect(digestHtml({ ...input, notifications: [] })).toContain('Nothing you follow changed in this period.');
  });
});

describe('the Atom feed', () => {
  it('is Atom 1.0 with an id, title, updated and an entry per notification (id, title, updated, link, summary)', () => {
    const xml = notificationsAtom(
      { id: 'user:ann', name: 'Ann Analyst' },
      rows,
      'https://atlas.example.org',
      'https://atlas.example.org/feeds/x.atom',
      new Date(),
    );
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('urn:foresight-atlas:notifications:user:ann');
    // Updated is the newest entry's time.
    expect(feed.updated).toBe('2026-12-02T09:30:00.000Z');
    expect(feed.entry).toHaveLength(2);
    const [first] = feed.entry;
    expect(first.id).toBe('urn:foresight-atlas:notification:n2');
    expect(first.title['#text'] ?? first.title).toBe('Signal linked: Quantum <sensing>');
    expect(first.updated).toBe('2026-12-02T09:30:00.000Z');
    expect(first.link['@_href']).toBe('https://atlas.example.org/?view=explorer&focus=tech:q');
    expect(first.summary['#text'] ?? first.summary).toBe('Ben linked signal “A & B” to “Quantum <sensing>”.');
  });
});

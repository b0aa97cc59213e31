// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds with fast-xml-parser into raw signal records.
// A file that is not well-formed XML, or not a feed, is a FeedError: the import stops before writing anything.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawSignal } from './signal.model.js';
import { plainText } from './signal.text.js';
import { SignalImportFormat, storedValues } from '../vocabulary/vocabularies.js';

export type ImportFormat = `${SignalImportFormat}`;
export const IMPORT_FORMATS: readonly ImportFormat[] = storedValues(SignalImportFormat);

/** The file cannot be imported at all (malformed XML or CSV, not a feed, missing header). */
export class FeedError extends Error {}

export interface ParsedFeed {
  format: ImportFormat;
  /** The channel or feed title, used as the publisher of items that name none. */
  title: string | null;
  records: RawSignal[];
}

const LIST_TAGS = new Set(['item', 'entry', 'link', 'category', 'dc:subject', 'author']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Titles such as "2030" or "1e6" stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && LIST_TAGS.has(name),
  // Entity expansion stays bounded (defence against "billion laughs" documents).
  processEntities: { enabled: true, maxEntityCount: 100, maxExpandedLength: 200_000 },
  htmlEntities: true,
});

type XmlNode = string | number | boolean | null | undefined | { [key: string]: unknown } | unknown[];

/** The text of an element that may carry attributes ({"#text": …, "@_type": "html"}) or be a list. */
function textOf(node: XmlNode): string | undefined {
  if (node === null || node === undefined) return undefined;
  if (Array.isArray(node)) return textOf(node[0] as XmlNode);
  if (typeof node === 'object') {
    const text = (node as Record<string, unknown>)['#text'];
    return text === undefined ? undefined : String(text);
  }
  const text = String(node).trim();
  return text === '' ? undefined : text;
}

function listOf(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const value = (node as Record<string, unknown>)[`@_${name}`];
  return value === undefined ? undefined : String(value).trim();
}

/** XML (a feed) or CSV, from the content: XML starts with "<" after a byte-order mark and white space. */
export function looksLikeXml(content: string): boolean {
  return stripBom(content).trimStart().startsWith('<');
}

export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

export function parseFeed(content: string): ParsedFeed {
  const xml = stripBom(content);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FeedError(`The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`);
  }
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (error) {
    throw new FeedError(`The feed cannot be read: ${(error as Error).message}`);
  }
  if (doc.rss) return readRss(doc.rss);
  if (doc.feed) return readAtom(doc.feed);
  if (doc['rdf:RDF']) return readRdf(doc['rdf:RDF']);
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  throw new FeedError(`The file is XML but not an RSS 2.0 or Atom feed: its root element is <${root ?? 'none'}>, expected <rss> or <feed>.`);
}

function categoriesOf(item: Record<string, unknown>): string[] {
  return [...listOf(item.category), ...listOf(item['dc:subject'])].map((c) => textOf(c as XmlNode) ?? attr(c, 'term') ?? '').filter((c) => c !== '');
}

function readRss(rss: Record<string, any>): ParsedFeed {
  const channel = rss.channel;
  if (!channel || typeof channel !== 'object') throw new FeedError('The RSS file has no <channel> element.');
  const title = textOf(channel.title) ?? null;
  const records = listOf(channel.item).map((node, index): RawSignal => {
    const item = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    const guid = item.guid;
    const guidIsLink = attr(guid, 'isPermaLink') !== 'false';
    return {
      position: index + 1,
      line: null,
      title: plainOrUndefined(textOf(item.title as XmlNode)),
      summary: plainOrUndefined(textOf(item.description as XmlNode)),
      url: textOf(item.link as XmlNode) ?? (guidIsLink ? textOf(guid as XmlNode) : undefined),
      publisher: textOf(item.source as XmlNode) ?? textOf(item['dc:publisher'] as XmlNode) ?? title ?? undefined,
      publishedAt: textOf(item.pubDate as XmlNode) ?? textOf(item['dc:date'] as XmlNode),
      categories: categoriesOf(item),
    };
  });
  return { format: 'rss', title, records };
}

function readRdf(rdf: Record<string, any>): ParsedFeed {
  const title = textOf(rdf.channel?.title) ?? null;
  const records = listOf(rdf.item).map((node, index): RawSignal => {
    const item = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    return {
      position: index + 1,
      line: null,
      title: plainOrUndefined(textOf(item.title as XmlNode)),
      summary: plainOrUndefined(textOf(item.description as XmlNode)),
      url: textOf(item.link as XmlNode) ?? attr(item, 'rdf:about'),
      publisher: textOf(item['dc:publisher'] as XmlNode) ?? title ?? undefined,
      publishedAt: textOf(item['dc:date'] as XmlNode),
      categories: categoriesOf(item),
    };
  });
  return { format: 'rss', title, records };
}

/** Atom: the link with rel="alternate" (or no rel) is the article; rel="self", "enclosure"… are not. */
function atomLink(links: unknown[]): string | undefined {
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return attr(alternate, 'href') ?? textOf(alternate as XmlNode);
}

function readAtom(feed: Record<string, any>): ParsedFeed {
  const title = plainOrUndefined(textOf(feed.title)) ?? null;
  const feedAuthor = textOf(listOf(feed.author)[0] && (listOf(feed.author)[0] as any).name);
  const records = listOf(feed.entry).map((node, index): RawSignal => {
    const entry = (node && typeof node === 'object' ? node : {}) as Record<string, any>;
    const source = entry.source && typeof entry.source === 'object' ? entry.source : undefined;
    return {
      position: index + 1,
      line: null,
      title: plainOrUndefined(textOf(entry.title)),
      summary: plainOrUndefined(textOf(entry.summary) ?? textOf(entry.content)),
      url: atomLink(listOf(entry.link)),
      publisher: plainOrUndefined(textOf(source?.title)) ?? title ?? feedAuthor ?? undefined,
      publishedAt: textOf(entry.published) ?? textOf(entry.updated),
      categories: categoriesOf(entry),
    };
  });
  return { format: 'atom', title, records };
}

function plainOrUndefined(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const plain = plainText(text);
  return plain === '' ? undefined : plain;
}

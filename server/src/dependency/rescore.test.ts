// Which scores a write can change (rescore.ts), worked by hand, and the ranking after the write equal to a fresh one.
import { describe, expect, it } from 'vitest';
import { deltaTo, fetchedGraphOf, type GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { applyDelta, lineageOf } from '../supply-graph/supply-graph.delta.js';
import type { SuppliedByEdge } from '../supply-graph/supply-graph.js';
import { scoresToRedo } from './rescore.js';
import { scoreNodes } from './scores.js';

// cap:1 ◀ tech:t → comp:i → sup:s → country:cn        tech:u → comp:j → sup:d → country:de
//                  comp:i → sup:d (comp:i has two suppliers, one in each country)
const base = (b: GraphBuilder) =>
  b
    .cap('cap:1')
    .tech('tech:t', { trl: 6 })
    .tech('tech:u', { trl: 4 })
    .comp('comp:i')
    .comp('comp:j')
    .country('country:cn', false)
    .country('country:de', true)
    .sup('sup:s', 'country:cn')
    .sup('sup:d', 'country:de')
    .enables('tech:t', 'cap:1')
    .dep('tech:t', 'comp:i')
    .dep('tech:u', 'comp:j')
    .supplied('comp:i', 'sup:s', 0.7)
    .supplied('comp:i', 'sup:d', 0.3)
    .supplied('comp:j', 'sup:d', 1);

function write(make: (b: GraphBuilder) => void, touched: string[]) {
  const before = fetchedGraphOf(base);
  const rankedBefore = scoreNodes(before.supply);
  const fresh = fetchedGraphOf(make);
  const next = applyDelta(before, deltaTo(fresh.supply, touched));
  const lineage = lineageOf(next.supply)!;
  return { rankedBefore, next, fresh, redo: [...scoresToRedo(next.supply, before.supply, lineage.changed)].sort() };
}

describe('scores a write can change', () => {
  it('a new DEPENDS_ON: its two ends and their neighbours, not the suppliers’ countries', () => {
    const w = write((b) => base(b).dep('tech:u', 'comp:i'), ['tech:u', 'comp:i']);
    // tech:u's neighbours: comp:i, comp:j; comp:i's: tech:t, tech:u, sup:s, sup:d.
    expect(w.redo).toEqual(['comp:i', 'comp:j', 'sup:d', 'sup:s', 'tech:t', 'tech:u']);
    expect(scoreNodes(w.next.supply)).toEqual(scoreNodes(w.fresh.supply));
  });

  it('a country leaving the EU: its suppliers, their items, and the items’ other suppliers — not the technologies', () => {
    const w = write(
      (b) => {
        base(b);
        b.nodes.find((n) => n.id === 'country:de')!.eu = false;
      },
      ['country:de'],
    );
    // country:de → sup:d (1 step) → comp:i, comp:j (2) → sup:s (3; comp:i's other supplier reads comp:i's shares).
    expect(w.redo).toEqual(['comp:i', 'comp:j', 'country:de', 'sup:d', 'sup:s']);
    const ranked = scoreNodes(w.next.supply);
    expect(ranked).toEqual(scoreNodes(w.fresh.supply));
    // A score the write cannot change is handed over: the very same object.
    const tech = (list: typeof ranked) => list.find((s) => s.node.id === 'tech:t');
    expect(tech(ranked)).toBe(tech(w.rankedBefore));
  });

  it('a supplier’s share: what reads that item’s shares, and the countries of its suppliers', () => {
    const w = write(
      (b) => {
        base(b);
        (b.edges.find((e) => e.type === 'SUPPLIED_BY' && e.from === 'comp:i' && e.to === 'sup:s') as SuppliedByEdge).share = 0.5;
      },
      ['comp:i'],
    );
    expect(w.redo).toEqual(['comp:i', 'comp:j', 'country:cn', 'country:de', 'sup:d', 'sup:s', 'tech:t']);
    expect(scoreNodes(w.next.supply)).toEqual(scoreNodes(w.fresh.supply));
  });
});

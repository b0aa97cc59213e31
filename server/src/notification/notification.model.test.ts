// Who hears of a change and in which words, on hand-made changes and followers (no database).
import { describe, expect, it } from 'vitest';
import { NotificationKind } from '../vocabulary/vocabularies.js';
import { concernedIds, describeChange, kindOfChange, planNotifications, subjectPath, type FollowedThing } from './notification.model.js';
import { describeImpactChange, impactSummary } from './scenario-watch.model.js';

const ben = { id: 'user:ben', name: 'Ben' };
const things: FollowedThing[] = [
  { id: 'sig:s', kind: 'Signal', name: 'Gravimeter', followerIds: ['user:cem'] },
  { id: 'tech:q', kind: 'Technology', name: 'Quantum sensing', followerIds: ['user:ann', 'user:cem', 'user:ben'] },
];
const byId = new Map(things.map((t) => [t.id, t]));

describe('what a change concerns', () => {
  it('names the entity, both link ends, a merged id, a new signal’s targets and a deleted entity’s neighbours, once each', () => {
    expect(concernedIds({ kind: 'LINK', linkType: 'INDICATES', fromId: 'sig:s', toId: 'tech:q', fields: [] })).toEqual(['sig:s', 'tech:q']);
    expect(concernedIds({ kind: 'MERGE', entityId: 'tech:q', mergedId: 'tech:old', fields: [] })).toEqual(['tech:q', 'tech:old']);
    expect(
      concernedIds({ kind: 'CREATE', entityId: 'sig:n', entityKind: 'Signal', fields: [{ field: 'indicates', before: null, after: ['tech:q', 'cap:x'] }] }),
    ).toEqual(['sig:n', 'tech:q', 'cap:x']);
    const snapshot = { kind: 'Material', properties: {}, sourceIds: [], links: [{ type: 'DEPENDS_ON', fromId: 'tech:q', toId: 'mat:ga', properties: {} }] };
    expect(concernedIds({ kind: 'DELETE', entityId: 'mat:ga', fields: [], snapshot })).toEqual(['mat:ga', 'tech:q']);
  });

  it('calls a signal tied to the thing SIGNAL_LINKED and anything else a mapping change', () => {
    expect(kindOfChange({ kind: 'LINK', linkType: 'INDICATES', fields: [] })).toBe(NotificationKind.SIGNAL_LINKED);
    expect(kindOfChange({ kind: 'UNLINK', linkType: 'INDICATES', fields: [] })).toBe(NotificationKind.MAPPING_CHANGED);
    expect(kindOfChange({ kind: 'LINK', linkType: 'ENABLES', fields: [] })).toBe(NotificationKind.MAPPING_CHANGED);
    expect(kindOfChange({ kind: 'CREATE', entityKind: 'Signal', fields: [{ field: 'indicates', before: null, after: ['tech:q'] }] })).toBe(
      NotificationKind.SIGNAL_LINKED,
    );
    expect(kindOfChange({ kind: 'CREATE', entityKind: 'Signal', fields: [] })).toBe(NotificationKind.MAPPING_CHANGED);
  });

  it('words the change with the names of what it touches', () => {
    expect(describeChange({ kind: 'LINK', linkType: 'INDICATES', fromId: 'sig:s', toId: 'tech:q', fields: [] }, ben, byId)).toBe(
      'Ben linked signal “Gravimeter” to “Quantum sensing”.',
    );
    expect(
      describeChange({ kind: 'UPDATE', entityId: 'tech:q', entityName: 'Quantum sensing', fields: [{ field: 'trl', before: 4, after: 5 }] }, ben, byId),
    ).toBe('Ben changed trl of “Quantum sensing”.');
    expect(describeChange({ kind: 'UNLINK', linkType: 'ENABLES', fromId: 'tech:q', toId: 'cap:x', fields: [] }, ben, byId)).toBe(
      'Ben removed the link “Quantum sensing” → “cap:x” (ENABLES).',
    );
  });
});

describe('planning notifications', () => {
  it('gives each follower one notification about the first thing they follow, none to the actor, none twice in a transaction', () => {
    const already = new Set<string>();
    const build = () => ({ kind: NotificationKind.SIGNAL_LINKED, message: 'm' });
    // Order: the signal, then the technology. Cem follows both: he hears about the signal. Ann: about the technology.
    // Ben acts: nothing.
    const first = planNotifications(things, ['sig:s', 'tech:q'], ben, build, already);
    expect(first.map((d) => [d.userId, d.subjectId])).toEqual([
      ['user:cem', 'sig:s'],
      ['user:ann', 'tech:q'],
    ]);
    // The same transaction then records the signal's status change: Cem already heard about the signal, Ann does
    // not follow it; nobody hears again.
    expect(planNotifications([things[0]!], ['sig:s'], ben, build, already)).toEqual([]);
  });

  it('links each subject to the view that shows it', () => {
    expect(subjectPath('Signal', 'sig:2026-01-01-x')).toBe('/?view=signals&focus=sig:2026-01-01-x');
    expect(subjectPath('Scenario', 'scn:a')).toBe('/?view=scenarios&focus=scn:a');
    expect(subjectPath('Technology', 'tech:q')).toBe('/?view=explorer&focus=tech:q');
  });
});

describe('a followed scenario’s impact', () => {
  it('keeps the capabilities it moves by 0.01 or more, rounded, and words what changed', () => {
    // −0.204 rounds to −0.2; 0.004 rounds to 0 and is dropped.
    const before = impactSummary({
      impacts: [
        { capabilityId: 'cap:x', name: 'Detection', delta: -0.204 },
        { capabilityId: 'cap:y', name: 'Tracing', delta: 0.004 },
      ] as never,
    });
    expect(before).toEqual([['cap:x', 'Detection', -0.2]]);
    const after: typeof before = [
      ['cap:x', 'Detection', -0.3],
      ['cap:z', 'Patrol', -0.05],
    ];
    // Detection moved by 0.1, Patrol by 0.05: largest first.
    expect(describeImpactChange('Gallium cut', before, after)).toBe(
      'The impact of “Gallium cut” changed after map changes: Detection −0.30 (was −0.20); Patrol −0.05 (was unaffected).',
    );
  });
});

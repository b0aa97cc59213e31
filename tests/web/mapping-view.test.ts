// Unit tests of the mapping screens' pure rules, on a small hand-written model.
import { describe, expect, it } from 'vitest';
import { changeSummary, conflictRows, creatableKinds, formatWhen, kindFields, linkEnds, mayEdit, relationsFor } from '../../web/src/views/Mapping/mapping-view';
import type { ChangeEntry, MappingModel } from '../../web/src/views/Mapping/mapping.types';

const MODEL: MappingModel = {
  kinds: [
    {
      kind: 'Technology',
      label: 'Technology',
      idPrefix: 'tech:',
      adminOnly: false,
      fields: [
        { name: 'name', label: 'Name', type: 'TEXT', required: true },
        { name: 'trl', label: 'TRL', type: 'INT', required: false, min: 1, max: 9 },
      ],
    },
    { kind: 'Capability', label: 'Capability', idPrefix: 'cap:', adminOnly: false, fields: [] },
    { kind: 'Component', label: 'Component', idPrefix: 'comp:', adminOnly: false, fields: [] },
    { kind: 'KetArea', label: 'KET area', idPrefix: 'ket:', adminOnly: true, fields: [] },
  ],
  linkTypes: [
    {
      type: 'ENABLES',
      label: 'enables',
      fromKinds: ['Technology'],
      toKinds: ['Capability'],
      properties: [{ name: 'strength', label: 'Strength', type: 'SHARE', required: true }],
    },
    { type: 'DEPENDS_ON', label: 'depends on', fromKinds: ['Technology', 'Component'], toKinds: ['Technology', 'Component'], properties: [] },
    { type: 'IN_KET_AREA', label: 'is in KET area', fromKinds: ['Technology'], toKinds: ['KetArea'], properties: [] },
  ],
};

describe('creatableKinds and mayEdit', () => {
  it('gives viewers nothing, analysts all but the official lists, admins everything', () => {
    expect(creatableKinds(MODEL, 'VIEWER')).toEqual([]);
    expect(creatableKinds(MODEL, null)).toEqual([]);
    expect(creatableKinds(MODEL, 'ANALYST').map((k) => k.kind)).toEqual(['Technology', 'Capability', 'Component']);
    expect(creatableKinds(MODEL, 'ADMIN').map((k) => k.kind)).toEqual(['Technology', 'Capability', 'Component', 'KetArea']);
    expect(mayEdit(MODEL, 'KetArea', 'ANALYST')).toBe(false);
    expect(mayEdit(MODEL, 'KetArea', 'ADMIN')).toBe(true);
    expect(mayEdit(MODEL, 'Signal', 'ADMIN')).toBe(false);
  });

  it('leaves the common fields to the form itself', () => {
    expect(kindFields(MODEL.kinds[0]!).map((f) => f.name)).toEqual(['trl']);
  });
});

describe('relationsFor', () => {
  it('offers every allowed relation of a kind, outgoing first, then incoming', () => {
    expect(relationsFor(MODEL, 'Technology').map((r) => [r.key, r.label, r.otherKinds])).toEqual([
      ['ENABLES>', 'this enables → Capability', ['Capability']],
      ['DEPENDS_ON>', 'this depends on → Technology / Component', ['Technology', 'Component']],
      ['IN_KET_AREA>', 'this is in KET area → KET area', ['KetArea']],
      ['<DEPENDS_ON', 'Technology / Component depends on → this', ['Technology', 'Component']],
    ]);
    expect(relationsFor(MODEL, 'Capability').map((r) => r.key)).toEqual(['<ENABLES']);
  });

  it('puts this entity at the right end', () => {
    expect(linkEnds({ direction: 'out' }, 'tech:a', 'cap:b')).toEqual({ fromId: 'tech:a', toId: 'cap:b' });
    expect(linkEnds({ direction: 'in' }, 'cap:b', 'tech:a')).toEqual({ fromId: 'tech:a', toId: 'cap:b' });
  });
});

describe('conflicts, history lines and undo', () => {
  it('shows a conflict as readable rows with field labels', () => {
    expect(conflictRows([{ field: 'trl', before: 6, after: 7, by: 'Ana', at: '2026-12-02T03:04:05.000Z' }], { trl: 'TRL' })).toEqual([
      { field: 'TRL', before: '6', after: '7', by: 'Ana', at: '2026-12-02 03:04 UTC' },
    ]);
    expect(formatWhen('not a date')).toBe('not a date');
  });

  it('summarises changes of entities and links', () => {
    const base: ChangeEntry = {
      id: 'c1',
      kind: 'CREATE',
      at: '',
      byName: 'Ana',
      comment: null,
      entityId: 'tech:a',
      entityName: 'Radar',
      linkType: null,
      fromId: null,
      toId: null,
      fields: [],
      restorable: false,
    };
    expect(changeSummary(base)).toBe('Created Radar');
    expect(changeSummary({ ...base, kind: 'UNLINK', linkType: 'ENABLES', fromId: 'tech:a', toId: 'cap:b' })).toBe('Unlinked: ENABLES tech:a → cap:b');
  });
});

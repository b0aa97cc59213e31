// The signals' test graph, shared by the signal and annotation API tests: three technologies, a capability, a case
// study and two seeded signals (loaded without de-duplication keys).
import type { SeedData } from '../../graph-seed/seed-data.js';
import { seedFixture } from './seed-builder.js';

/** Three technologies, a capability, a case study and two seeded signals (loaded without de-duplication keys). */
export function signalsFixture(): SeedData {
  return seedFixture()
    .nodes('Technology', [
      { id: 'tech:facial-recognition', name: 'Facial recognition' },
      { id: 'tech:encrypted-criminal-phones', name: 'Encrypted criminal phones' },
      { id: 'tech:uncrewed-aircraft-systems', name: 'Uncrewed aircraft systems' },
    ])
    .nodes('Capability', [{ id: 'cap:lawful-access-to-data', name: 'Lawful access to data', domain: 'law enforcement' }])
    .nodes('CaseStudy', [{ id: 'case:drug-markets', name: 'Drug markets' }])
    .nodes('Signal', [
      {
        id: 'sig:2026-03-02-drone-drops-into-prisons',
        title: 'Drone drops into prisons double',
        summary: 'Prison services report twice as many drone deliveries of phones and drugs.',
        url: 'https://seed.example.org/prison-drones',
        publisher: 'Seed News',
        publishedAt: '2026-03-02',
        steep: 'social',
        status: 'linked',
      },
      {
        id: 'sig:2025-12-01-encrochat-appeal',
        title: 'Court rules on encrypted-phone evidence',
        summary: 'An appeal court admits evidence from a dismantled encrypted-phone network.',
        url: 'https://seed.example.org/appeal',
        publishedAt: '2025-12-01',
        steep: 'political',
        status: 'assessed',
      },
    ])
    .links('INDICATES', [
      { from: 'sig:2026-03-02-drone-drops-into-prisons', to: 'tech:uncrewed-aircraft-systems', relevance: 1 },
      { from: 'sig:2025-12-01-encrochat-appeal', to: 'tech:encrypted-criminal-phones', relevance: 0.75 },
    ])
    .build();
}

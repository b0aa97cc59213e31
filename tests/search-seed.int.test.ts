// Search on the real seed graph-seed/data, loaded once for the whole file (it is the slow part):
// - the words analysts type (issues 13 and 19): each finds its entity first;
// - issue 19: every technology item of the annex of Recommendation (EU) 2023/2113 that docs/data-sources.md maps to a
//   record, every acronym analysts type, and the drug-market and firearms terms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../graph-seed/index.js';
import type { Database } from '../server/src/db/database.js';
import { searchMap } from '../server/src/explorer/search.service.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';

let db: Database;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await loadSeedDir(db);
});
afterAll(closeTestDatabase);

const FIRST: [text: string, id: string][] = [
  ['China', 'country:cn'],
  ['UAV', 'tech:uncrewed-aircraft-systems'],
  ['UAS', 'tech:uncrewed-aircraft-systems'],
  ['RPAS', 'tech:uncrewed-aircraft-systems'],
  ['unmanned', 'tech:uncrewed-aircraft-systems'],
  ['uncrewed', 'tech:uncrewed-aircraft-systems'],
  ['drone', 'tech:uncrewed-aircraft-systems'],
  ['LLM', 'tech:large-language-models'],
  ['large language model', 'tech:large-language-models'],
  ['hypersonic', 'tech:hypersonic-propulsion'],
  ['fentanyl', 'tech:synthetic-opioid-synthesis'],
  ['natural language processing', 'tech:speech-language-processing'],
  ['NLP', 'tech:speech-language-processing'],
  ['face recognition', 'tech:facial-recognition'],
  ['facial recognition', 'tech:facial-recognition'],
  ['PQC', 'tech:post-quantum-cryptography'],
  ['HPC', 'tech:high-performance-computing'],
  ['SAR', 'tech:sar-satellite-imagery'],
  ['GNSS', 'tech:gnss-positioning'],
  ['PNT', 'tech:gnss-positioning'],
  ['CBRN', 'cap:cbrn-detection'],
  ['OSINT', 'cap:osint'],
  ['AIS', 'tech:satellite-ais'],
  ['3D printing', 'tech:additive-manufacturing'],
];

// The annex item as written (shortened to its head where the annex adds examples), and the records the annex-coverage
// table maps it to: at least one of them must be among the first five hits.
const ANNEX: [item: string, ids: string[]][] = [
  ['Microelectronics, including processors', ['tech:leading-edge-logic-manufacturing', 'tech:mature-node-chips', 'tech:edge-ai-processors']],
  ['Photonics, including high-energy lasers', ['tech:photonic-integrated-circuits', 'tech:single-photon-detectors', 'tech:high-energy-lasers']],
  ['High-frequency chips', ['tech:gan-electronics']],
  ['Semiconductor manufacturing equipment at very advanced node sizes', ['tech:euv-lithography']],
  ['High-performance computing', ['tech:high-performance-computing']],
  ['Cloud and edge computing', ['tech:cloud-edge-computing', 'tech:edge-ai-processors']],
  ['Data analytics', ['tech:big-data-analytics', 'tech:financial-transaction-analytics', 'tech:container-data-analytics']],
  ['Computer vision', ['tech:computer-vision']],
  ['Language processing', ['tech:speech-language-processing', 'tech:large-language-models']],
  ['Object recognition', ['tech:computer-vision']],
  ['Quantum computing', ['tech:quantum-computing']],
  ['Quantum cryptography', ['tech:quantum-key-distribution', 'tech:quantum-random-number-generators']],
  ['Quantum communications', ['tech:quantum-key-distribution', 'tech:space-qkd']],
  ['Quantum sensing', ['tech:quantum-sensing', 'tech:quantum-gravimetry']],
  ['Quantum radar', ['tech:quantum-sensing']],
  ['Techniques of genetic modification', ['tech:synthetic-biology']],
  ['New genomic techniques', ['tech:synthetic-biology']],
  ['Gene drive', ['tech:synthetic-biology']],
  ['Synthetic biology', ['tech:synthetic-biology']],
  [
    'Secure digital communications and connectivity, such as RAN and Open RAN and 6G',
    ['tech:5g-networks', 'tech:open-ran', 'tech:6g', 'tech:mission-critical-broadband'],
  ],
  ['Cyber-surveillance', ['tech:lawful-interception-5g']],
  ['Security and intrusion systems', ['tech:network-intrusion-detection', 'tech:zero-trust-architecture']],
  ['Digital forensics', ['tech:mobile-device-forensics', 'tech:computer-cloud-forensics', 'tech:vehicle-forensics', 'tech:drone-forensics']],
  ['Internet of Things', ['tech:internet-of-things']],
  ['Virtual reality', ['tech:extended-reality']],
  ['Distributed ledger technologies', ['tech:cryptocurrencies', 'tech:stablecoins', 'tech:blockchain-analytics']],
  ['Digital identity technologies', ['tech:digital-identity-wallets', 'tech:emrtd-chip-authentication']],
  ['Guidance, navigation and control', ['tech:gnss-positioning', 'tech:alternative-pnt', 'tech:autonomous-navigation']],
  ['Electro-optical sensing', ['tech:thermal-imaging', 'tech:eo-ir-drone-tracking', 'tech:hyperspectral-imaging', 'tech:lidar']],
  ['Radar sensing', ['tech:radar-surveillance', 'tech:sar-satellite-imagery']],
  [
    'Chemical sensing',
    [
      'tech:standoff-chemical-detection',
      'tech:ion-mobility-spectrometry',
      'tech:handheld-raman-spectroscopy',
      'tech:electronic-noses',
      'tech:nanomaterial-sensors',
    ],
  ],
  ['Biological sensing', ['tech:biological-agent-detection']],
  ['Radiation sensing', ['tech:radiation-portal-monitors', 'tech:cbrn-detectors']],
  ['Distributed sensing', ['tech:fibre-optic-sensing', 'tech:unattended-ground-sensors']],
  ['Magnetometers and magnetic gradiometers', ['tech:magnetometers']],
  ['Underwater electric field sensors', ['tech:underwater-electric-field-sensors']],
  ['Gravity meters and gradiometers', ['tech:quantum-gravimetry']],
  [
    'Space surveillance and Earth observation',
    ['tech:earth-observation', 'tech:sar-satellite-imagery', 'tech:satellite-ais', 'tech:space-surveillance-tracking'],
  ],
  ['Space surveillance', ['tech:space-surveillance-tracking']],
  ['Space positioning, navigation and timing', ['tech:gnss-positioning', 'tech:galileo-osnma', 'tech:galileo-prs']],
  ['Secure communications, including low-Earth-orbit connectivity', ['tech:leo-satellite-connectivity', 'tech:iris2-secure-connectivity', 'tech:space-qkd']],
  ['Propulsion technologies, including hypersonics', ['tech:hypersonic-propulsion']],
  ['Nuclear fusion and fission technologies', ['tech:nuclear-fission-fusion']],
  ['Hydrogen and new fuels', ['tech:hydrogen-fuel-cells']],
  ['Net-zero technologies, including photovoltaics', ['tech:portable-solar-power']],
  ['Smart grids and energy storage, including batteries', ['tech:lithium-ion-batteries', 'tech:sodium-ion-batteries']],
  [
    'Drones and vehicles (air, land, surface and underwater)',
    ['tech:uncrewed-aircraft-systems', 'tech:male-rpas', 'tech:uncrewed-ground-vehicles', 'tech:uncrewed-maritime-vessels'],
  ],
  ['Robots and robot-controlled precision systems', ['tech:uncrewed-ground-vehicles']],
  ['Exoskeletons', ['tech:exoskeletons']],
  ['AI-enabled systems', ['tech:autonomous-navigation', 'tech:counter-uas-systems', 'tech:machine-learning', 'tech:computer-vision']],
  ['Nanomaterials', ['tech:nanomaterial-sensors']],
  ['Smart materials, advanced ceramics and stealth materials', ['tech:smart-stealth-materials']],
  ['Stealth materials', ['tech:smart-stealth-materials']],
  ['Additive manufacturing', ['tech:additive-manufacturing']],
  ['Digitally controlled micro-precision manufacturing and small-scale laser machining', ['tech:micro-precision-manufacturing']],
  ['Extraction, processing and recycling of critical raw materials', ['tech:magnet-recycling']],
];

// What analysts type, with the drug-market and firearms terms: the entity must come first.
const FIRST_OF_ISSUE_19: [text: string, id: string][] = [
  ['UAV', 'tech:uncrewed-aircraft-systems'],
  ['UAS', 'tech:uncrewed-aircraft-systems'],
  ['RPAS', 'tech:uncrewed-aircraft-systems'],
  ['drone', 'tech:uncrewed-aircraft-systems'],
  ['unmanned', 'tech:uncrewed-aircraft-systems'],
  ['uncrewed', 'tech:uncrewed-aircraft-systems'],
  ['facial recognition', 'tech:facial-recognition'],
  ['face recognition', 'tech:facial-recognition'],
  ['LLM', 'tech:large-language-models'],
  ['NLP', 'tech:speech-language-processing'],
  ['PQC', 'tech:post-quantum-cryptography'],
  ['HPC', 'tech:high-performance-computing'],
  ['SAR', 'tech:sar-satellite-imagery'],
  ['GNSS', 'tech:gnss-positioning'],
  ['PNT', 'tech:gnss-positioning'],
  ['CBRN', 'cap:cbrn-detection'],
  ['OSINT', 'cap:osint'],
  ['AIS', 'tech:satellite-ais'],
  ['fentanyl', 'tech:synthetic-opioid-synthesis'],
  ['nitazenes', 'tech:synthetic-opioid-synthesis'],
  ['pill press', 'tech:tablet-presses'],
  ['indoor cultivation', 'tech:indoor-cannabis-cultivation'],
  ['drug checking', 'tech:drug-checking'],
  ['sniffer dogs', 'tech:detection-dogs'],
  ['3D-printed guns', 'tech:3d-printed-firearms'],
  ['converted firearms', 'tech:firearm-conversion'],
  ['firearms trafficking', 'case:firearms-trafficking'],
];

/** Both lists once each: the words they share are searched once. */
function everyFirst(): [text: string, id: string][] {
  const seen = new Set<string>();
  return [...FIRST, ...FIRST_OF_ISSUE_19].filter(([text, id]) => !seen.has(`${text}|${id}`) && !!seen.add(`${text}|${id}`));
}

describe('the EU lists on the real seed', () => {
  it.each(ANNEX)('annex item "%s" finds its record among the first five', async (item, ids) => {
    const { hits } = await searchMap(db, item, 5, null, null);
    expect(
      hits.map((h) => h.entity.id).filter((id) => ids.includes(id)),
      `first five: ${hits.map((h) => h.entity.id).join(', ')}`,
    ).not.toEqual([]);
  });
});

describe('search on the real seed', () => {
  it.each(everyFirst())('"%s" finds %s first', async (text, id) => {
    const { hits } = await searchMap(db, text, 5, null, null);
    expect(hits[0]?.entity.id).toBe(id);
  });

  it('biometric and biometrics give the same list, and the total counts past the first page', async () => {
    const one = await searchMap(db, 'biometric ', 100, null, null);
    const many = await searchMap(db, 'biometrics ', 100, null, null);
    expect(many.hits.map((h) => h.entity.id)).toEqual(one.hits.map((h) => h.entity.id));
    const page = await searchMap(db, 'drone', 5, null, null);
    expect(page.hits).toHaveLength(5);
    expect(page.total).toBe(page.facets.reduce((n, f) => n + f.count, 0));
    expect(page.total).toBeGreaterThan(20);
  });
});

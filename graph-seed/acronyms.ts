// Names with a common acronym or everyday synonym that analysts type instead (issue 19: "UAV", "LLM", "PQC"…).
// `npm run seed:check` warns when a technology's name matches a rule but neither its name nor its aliases hold the
// short form, so search would miss what analysts type. A small list on purpose: add a rule when an acronym is missed.
export interface AcronymRule {
  /** Matched against the technology's name. */
  name: RegExp;
  /** What analysts type; expected as a whole word in the name or in an alias. */
  expected: string;
}

export const ACRONYM_RULES: readonly AcronymRule[] = [
  { name: /\b(uncrewed|unmanned) aircraft\b/i, expected: 'UAV' },
  { name: /\b(uncrewed|unmanned) aircraft\b/i, expected: 'UAS' },
  { name: /\bremotely piloted aircraft\b/i, expected: 'RPAS' },
  { name: /\blarge language models?\b/i, expected: 'LLM' },
  { name: /\b(natural language|speech recognition|language processing)\b/i, expected: 'NLP' },
  { name: /\bpost-quantum cryptography\b/i, expected: 'PQC' },
  { name: /\bhigh-performance computing\b/i, expected: 'HPC' },
  { name: /\bsynthetic-aperture radar\b/i, expected: 'SAR' },
  { name: /\bsatellite navigation\b/i, expected: 'GNSS' },
  { name: /\bpositioning, navigation and timing\b/i, expected: 'PNT' },
  { name: /\bchemical, biological, radiological\b/i, expected: 'CBRN' },
  { name: /\bopen-source intelligence\b/i, expected: 'OSINT' },
  { name: /\bsatellite AIS\b|\bautomatic identification system\b/i, expected: 'AIS' },
  { name: /\badditive manufacturing\b/i, expected: '3D printing' },
  { name: /\bfacial recognition\b/i, expected: 'face recognition' },
  { name: /\bquantum key distribution\b/i, expected: 'QKD' },
  { name: /\binternet of things\b/i, expected: 'IoT' },
  { name: /\bnumber-plate recognition\b/i, expected: 'ANPR' },
  { name: /\bpassenger name record\b/i, expected: 'PNR' },
  { name: /\bextreme-ultraviolet\b/i, expected: 'EUV' },
  { name: /\bprivacy-enhancing technologies\b/i, expected: 'PETs' },
  { name: /\bextended reality\b/i, expected: 'XR' },
  { name: /\bexplainable AI\b/i, expected: 'XAI' },
  { name: /\bquantum random number\b/i, expected: 'QRNG' },
  { name: /\bpublic regulated service\b/i, expected: 'PRS' },
  { name: /\bnavigation message authentication\b/i, expected: 'OSNMA' },
  { name: /\bmedium-altitude long-endurance\b/i, expected: 'MALE' },
  { name: /\bhigh-resolution mass spectrometry\b/i, expected: 'HRMS' },
  { name: /\bion mobility spectrometry\b/i, expected: 'IMS' },
  { name: /\bunattended ground sensors?\b/i, expected: 'UGS' },
  { name: /\buncrewed ground vehicles?\b/i, expected: 'UGV' },
  { name: /\bcounter-drone\b/i, expected: 'C-UAS' },
  { name: /\bautomated border control\b/i, expected: 'ABC' },
  { name: /\belectronic document chip\b/i, expected: 'eMRTD' },
  { name: /\bvirtual (and extended )?reality\b/i, expected: 'VR' },
  { name: /\bdistributed fibre-optic sensing\b/i, expected: 'DAS' },
  { name: /\bwastewater-based\b/i, expected: 'WBE' },
  { name: /\bnew synthetic opioids\b/i, expected: 'fentanyl' },
  { name: /\btablet presses\b/i, expected: 'pill press' },
  { name: /\bpositioning and timing\b/i, expected: 'PNT' },
  { name: /\bspace surveillance and tracking\b/i, expected: 'SST' },
  { name: /\bunderwater electric\b/i, expected: 'UEP' },
  { name: /\bnew genomic techniques\b|\bgenetic modification\b/i, expected: 'gene editing' },
];

const holds = (text: string, expected: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu').test(text);

/** The short forms a technology should carry and does not (empty when it has them all). */
export function missingAcronyms(name: string, aliases: readonly string[]): string[] {
  return ACRONYM_RULES.filter((r) => r.name.test(name) && !holds(name, r.expected) && !aliases.some((a) => holds(a, r.expected))).map((r) => r.expected);
}

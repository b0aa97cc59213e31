// The worked example of docs/dependency-analysis.md, built entirely through the web app (New…, the entity form, the
// Links tab, the sources picker — no seed entity and no GraphQL by hand), every fact with its source; then the
// dependency view must show the single points of failure and the scores the document states.
//
// The shared e2e Atlas holds the seed, so every entity here has a "WX" name and a "-wx" id: nothing links to the
// seed, and reach (capabilities reaching a node, portfolio-wide) counts only the two capabilities made here.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import type { TestBrowser } from '../support/browser.js';
import { createThroughMenu, linkFromDetails, openInExplorer, type Citation } from '../support/mapping-ui.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

/** Building takes many steps in a browser: each test gets room for them. */
const STEPS_TIMEOUT = 400_000;

const SOURCE_TITLE = 'WX Dependency analysis worked example';
const SOURCE: Citation = { existing: SOURCE_TITLE };

const CAP_BORDER = { id: 'cap:border-surveillance-wx', name: 'WX Border surveillance' };
const CAP_DRONE = { id: 'cap:drone-detection-wx', name: 'WX Drone detection' };
const THERMAL = { id: 'tech:thermal-imaging-wx', name: 'WX Thermal imaging' };
const RADAR = { id: 'tech:radar-wx', name: 'WX Radar' };
const IR_OPTICS = { id: 'comp:ir-optics-wx', name: 'WX Infrared optics' };
const GAN = { id: 'comp:gan-amplifier-wx', name: 'WX GaN power amplifier' };
const GERMANIUM = { id: 'mat:germanium-wx', name: 'WX Germanium' };
const GALLIUM = { id: 'mat:gallium-wx', name: 'WX Gallium' };
const US_OPTICS = { id: 'sup:us-optics-wx', name: 'WX US optics maker' };
const CN_GERMANIUM = { id: 'sup:cn-germanium-wx', name: 'WX Chinese germanium refiners' };
const BE_GERMANIUM = { id: 'sup:be-germanium-wx', name: 'WX Belgian germanium refiner' };
const CN_GALLIUM = { id: 'sup:cn-gallium-wx', name: 'WX Chinese gallium producers' };
const DE_GALLIUM = { id: 'sup:de-gallium-wx', name: 'WX German gallium producer' };
const US = { id: 'country:us-wx', name: 'WX United States' };
const CN = { id: 'country:cn-wx', name: 'WX China' };
const BE = { id: 'country:be-wx', name: 'WX Belgium' };
const DE = { id: 'country:de-wx', name: 'WX Germany' };

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

async function link(from: { id: string; name: string }, relation: string, to: { name: string }, properties: Record<string, string> = {}): Promise<void> {
  await openInExplorer(page, atlas.url, from.id, from.name);
  await linkFromDetails(page, { relation, other: to.name, properties, source: SOURCE });
}

describe('Mapping the worked example through the web app', () => {
  it(
    'creates the capabilities, the first one citing a new source described inline',
    async () => {
      await page.goto(`${atlas.url}/?view=explorer`);
      await createThroughMenu(page, {
        kind: 'Capability',
        ...CAP_BORDER,
        fields: { Domain: 'border management' },
        source: {
          create: {
            title: SOURCE_TITLE,
            publisher: 'Foresight Atlas docs',
            year: 2026,
            url: 'https://example.org/dependency-analysis',
            page: 'Worked example',
          },
        },
      });
      await createThroughMenu(page, { kind: 'Capability', ...CAP_DRONE, fields: { Domain: 'border management' }, source: SOURCE });
    },
    STEPS_TIMEOUT,
  );

  it(
    'creates technologies, components, materials, suppliers and countries, each sourced',
    async () => {
      await createThroughMenu(page, { kind: 'Technology', ...THERMAL, fields: { 'Technology readiness level': '8' }, source: SOURCE });
      await createThroughMenu(page, { kind: 'Technology', ...RADAR, fields: { 'Technology readiness level': '7' }, source: SOURCE });
      for (const c of [IR_OPTICS, GAN]) await createThroughMenu(page, { kind: 'Component', ...c, source: SOURCE });
      for (const m of [GERMANIUM, GALLIUM]) await createThroughMenu(page, { kind: 'Material', ...m, source: SOURCE });
      for (const s of [US_OPTICS, CN_GERMANIUM, BE_GERMANIUM, CN_GALLIUM, DE_GALLIUM])
        await createThroughMenu(page, { kind: 'Supplier', ...s, source: SOURCE });
      for (const [country, iso2, eu] of [
        [US, 'US', 'no'],
        [CN, 'CN', 'no'],
        [BE, 'BE', 'yes'],
        [DE, 'DE', 'yes'],
      ] as const) {
        await createThroughMenu(page, { kind: 'Country', ...country, fields: { 'ISO code': iso2, 'EU member state': eu }, source: SOURCE });
      }
    },
    STEPS_TIMEOUT,
  );

  it(
    'links them with their properties, from either end',
    async () => {
      await link(THERMAL, 'this enables → Capability', CAP_BORDER, { Strength: '1' });
      await link(RADAR, 'this enables → Capability', CAP_BORDER, { Strength: '0.5' });
      // From the capability's side: the relation read towards it.
      await link(CAP_DRONE, 'Technology enables → this', RADAR, { Strength: '1' });
      await link(THERMAL, 'this depends on → Technology / Component / Material', IR_OPTICS, { Criticality: '1', Substitutability: '0' });
      await link(IR_OPTICS, 'this depends on → Technology / Component / Material', GERMANIUM, { Criticality: '1', Substitutability: '0' });
      await link(RADAR, 'this depends on → Technology / Component / Material', GAN, { Criticality: '0.75', Substitutability: '0.25' });
      await link(GAN, 'this depends on → Technology / Component / Material', GALLIUM, { Criticality: '1', Substitutability: '0' });
      await link(IR_OPTICS, 'this is supplied by → Supplier', US_OPTICS);
      await link(GERMANIUM, 'this is supplied by → Supplier', CN_GERMANIUM, { 'Share of supply': '0.6' });
      await link(GERMANIUM, 'this is supplied by → Supplier', BE_GERMANIUM, { 'Share of supply': '0.3' });
      await link(GALLIUM, 'this is supplied by → Supplier', CN_GALLIUM, { 'Share of supply': '0.98' });
      await link(GALLIUM, 'this is supplied by → Supplier', DE_GALLIUM, { 'Share of supply': '0.02' });
      for (const [supplier, country] of [
        [US_OPTICS, US],
        [CN_GERMANIUM, CN],
        [BE_GERMANIUM, BE],
        [CN_GALLIUM, CN],
        [DE_GALLIUM, DE],
      ] as const) {
        await link(supplier, 'this is located in → Country', country);
      }
    },
    STEPS_TIMEOUT,
  );

  it(
    'shows the single points of failure and scores the document states',
    async () => {
      await page.goto(`${atlas.url}/?view=dependencies&focus=${encodeURIComponent(CAP_BORDER.id)}`);
      const row = (id: string) => page.locator(`tr[data-id="${id}"]`);
      await row(GALLIUM.id).waitFor({ timeout: 30_000 });

      const spofs = await page
        .locator('tbody tr[data-id]')
        .evaluateAll((rows) => rows.filter((r) => r.querySelector('.spof-badge')).map((r) => r.getAttribute('data-id')));
      expect(spofs.sort()).toEqual([GAN.id, IR_OPTICS.id, GALLIUM.id, GERMANIUM.id, US_OPTICS.id, US.id].sort());
      // Not China: germanium has a Belgian and gallium a German supplier.
      expect(spofs).not.toContain(CN.id);

      const score = async (id: string) => (await row(id).locator('td.numeric').allTextContents()).map((t) => t.trim());
      expect(await score(GERMANIUM.id)).toContain('0.558');
      expect(await score(GALLIUM.id)).toContain('0.818');
      expect(await score(GAN.id)).toContain('0.778');
      expect(await score(RADAR.id)).toContain('0.591');
      expect(await row(GAN.id).textContent()).toContain('unknown supply');
      expect(browser.errors).toEqual([]);
    },
    STEPS_TIMEOUT,
  );
});

// Two analysts editing one entity never silently overwrite each other (two browsers, the second save shows the
// conflict with the change); a deleted supplier is restored by an admin with its links; the history tab shows each
// step with its author. Everything through the web app, on entities made here ("WX" names, "-wx" ids).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { signInThroughPage } from '../support/auth.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { createThroughMenu, linkFromDetails, openInExplorer } from '../support/mapping-ui.js';
import { shoot } from '../support/screenshots.js';

const PROBE = { id: 'tech:conflict-probe-wx', name: 'WX Conflict probe' };
const MATERIAL = { id: 'mat:restore-probe-wx', name: 'WX Restore probe material' };
const SUPPLIER = { id: 'sup:restore-probe-wx', name: 'WX Restore probe supplier' };
const COUNTRY = { id: 'country:restore-probe-wx', name: 'WX Restoria' };
const SOURCE_TITLE = 'WX History probe source';

let atlas: TestAtlas;
let analystBrowser: TestBrowser;
let adminBrowser: TestBrowser;
let analyst: Page;
let admin: Page;

beforeAll(async () => {
  atlas = await startTestAtlas();
  analystBrowser = await launchBrowser();
  adminBrowser = await launchBrowser();
  analyst = await analystBrowser.newPage();
  admin = await adminBrowser.newPage();
  await signInThroughPage(analyst, atlas.url, atlas.user);
  await signInThroughPage(admin, atlas.url, atlas.admin);
});

afterAll(async () => {
  await analystBrowser?.close();
  await adminBrowser?.close();
  await atlas?.stop();
});

const trlInput = (page: Page) => page.locator('form.entity-form').getByLabel('Technology readiness level');

describe('Concurrent edits', () => {
  it('refuses the second save with the change made since it was opened, and lets the analyst overwrite', async () => {
    await analyst.goto(`${atlas.url}/?view=explorer`);
    await createThroughMenu(analyst, {
      kind: 'Technology',
      ...PROBE,
      fields: { 'Technology readiness level': '5' },
      source: { create: { title: SOURCE_TITLE, publisher: 'E2E', year: 2026, url: 'https://example.org/history-probe' } },
    });

    // Both open the edit form on revision 1.
    await analyst.getByRole('tab', { name: 'Edit' }).click();
    await trlInput(analyst).waitFor();
    await openInExplorer(admin, atlas.url, PROBE.id, PROBE.name);
    await admin.getByRole('tab', { name: 'Edit' }).click();
    await trlInput(admin).fill('6');
    await trlInput(admin).press('Enter');
    await admin
      .getByTestId('change-toast')
      .filter({ hasText: `Saved ${PROBE.name}` })
      .waitFor();

    // The analyst, still on revision 1, saves a description.
    await analyst.locator('form.entity-form').getByLabel('Description').fill('Checked against the 2026 review.');
    await analyst.locator('form.entity-form').getByRole('button', { name: 'Save changes' }).click();
    const dialog = analyst.getByRole('dialog', { name: `${PROBE.name} was changed while you edited it` });
    await dialog.waitFor();
    const row = dialog.locator('tbody tr').filter({ hasText: 'Technology readiness level' });
    expect(await row.locator('td').allTextContents()).toEqual(['5', '6', 'E2E Admin', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/)]);
    await shoot(analyst, 'mapping-conflict');

    await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
    await analyst
      .getByTestId('change-toast')
      .filter({ hasText: `Saved ${PROBE.name}` })
      .waitFor();
    await analyst.locator('.details .description').filter({ hasText: 'Checked against the 2026 review.' }).waitFor();
  });

  it('takes theirs instead when asked: the form reloads with the other version', async () => {
    await analyst.getByRole('tab', { name: 'Edit' }).click();
    await trlInput(analyst).waitFor();
    await openInExplorer(admin, atlas.url, PROBE.id, PROBE.name);
    await admin.getByRole('tab', { name: 'Edit' }).click();
    await trlInput(admin).fill('8');
    await trlInput(admin).press('Enter');
    await admin
      .getByTestId('change-toast')
      .filter({ hasText: `Saved ${PROBE.name}` })
      .waitFor();

    await trlInput(analyst).fill('4');
    await trlInput(analyst).press('Enter');
    const dialog = analyst.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Take theirs (discard mine)' }).click();
    await expect.poll(() => trlInput(analyst).inputValue(), { timeout: 15_000 }).toBe('8');
  });
});

describe('Delete and restore', () => {
  it('shows the impact first, deletes the supplier, and an admin restores it with its links', async () => {
    const source = { existing: SOURCE_TITLE };
    await createThroughMenu(analyst, { kind: 'Material', ...MATERIAL, source });
    await createThroughMenu(analyst, { kind: 'Supplier', ...SUPPLIER, source });
    await createThroughMenu(analyst, { kind: 'Country', ...COUNTRY, fields: { 'ISO code': 'XR', 'EU member state': 'no' }, source });
    await openInExplorer(analyst, atlas.url, SUPPLIER.id, SUPPLIER.name);
    await linkFromDetails(analyst, { relation: 'this is located in → Country', other: COUNTRY.name, source });
    await linkFromDetails(analyst, {
      relation: 'Component / Material is supplied by → this',
      other: MATERIAL.name,
      properties: { 'Share of supply': '0.4' },
      source,
    });

    await analyst.getByRole('tab', { name: 'Delete' }).click();
    const impact = analyst.getByTestId('delete-impact');
    await impact.waitFor();
    expect(await impact.locator('h4').first().textContent()).toBe('Links that go (2)');
    expect(await impact.textContent()).toContain(COUNTRY.name);
    expect(await impact.textContent()).toContain(MATERIAL.name);
    await shoot(analyst, 'mapping-delete-impact');
    await analyst.getByLabel('Why (for the history, optional)').fill('Duplicate of another supplier');
    await analyst.getByRole('button', { name: `Delete ${SUPPLIER.name}` }).click();
    await analyst
      .getByTestId('change-toast')
      .filter({ hasText: `Deleted ${SUPPLIER.name}` })
      .waitFor();

    // The admin finds the deleted id's history on the data quality screen and restores it.
    await admin.goto(`${atlas.url}/?view=quality`);
    await admin.getByLabel('Id', { exact: true }).fill(SUPPLIER.id);
    await admin.getByLabel('Id', { exact: true }).press('Enter');
    const deletion = admin.locator('li[data-change-kind="DELETE"]');
    await deletion.waitFor();
    expect(await deletion.textContent()).toContain('E2E Analyst');
    expect(await deletion.textContent()).toContain('Duplicate of another supplier');
    await deletion.getByRole('button', { name: 'Restore' }).click();

    await admin.locator('#details-heading').filter({ hasText: SUPPLIER.name }).waitFor({ timeout: 20_000 });
    await admin.getByRole('tab', { name: 'Links' }).click();
    await admin.getByRole('heading', { name: 'Links (2)' }).waitFor({ timeout: 15_000 });
    const links = await admin.locator('ul.links li').allTextContents();
    expect(links.some((l) => l.includes('LOCATED_IN') && l.includes(COUNTRY.name))).toBe(true);
    expect(links.some((l) => l.includes('SUPPLIED_BY') && l.includes(MATERIAL.name))).toBe(true);
  });

  it('lists every step in the history tab with its author', async () => {
    await admin.getByRole('tab', { name: 'History' }).click();
    await admin.locator('li[data-change-kind="RESTORE"]').waitFor({ timeout: 15_000 });
    const steps = await admin
      .locator('li[data-change-kind]')
      .evaluateAll((items) => items.map((i) => ({ kind: i.getAttribute('data-change-kind'), by: i.querySelector('.by')?.textContent?.trim() })));
    // Newest first: the admin's restore, then the analyst's deletion, two links and the creation.
    expect(steps[0]).toEqual({ kind: 'RESTORE', by: 'E2E Admin' });
    expect(steps.at(-1)).toEqual({ kind: 'CREATE', by: 'E2E Analyst' });
    expect(steps.filter((s) => s.kind === 'LINK' && s.by === 'E2E Analyst')).toHaveLength(2);
    expect(steps.filter((s) => s.kind === 'DELETE' && s.by === 'E2E Analyst')).toHaveLength(1);
    await shoot(admin, 'mapping-history');
    expect([...analystBrowser.errors, ...adminBrowser.errors]).toEqual([]);
  });
});

// Mapping through the web app, as an analyst does it: the New… menu, the entity form, the Links tab with its link
// form, and the sources picker. Browser tests use these steps; no GraphQL is sent by hand.
import type { Locator, Page } from 'playwright-core';

export interface NewSourceFields {
  title: string;
  publisher: string;
  year: number;
  url: string;
  page?: string;
}

/** Cite a source: an existing one by (part of) its title, or a new one described inline. */
export type Citation = { existing: string } | { create: NewSourceFields };

async function pickOption(page: Page, scope: Locator, comboboxName: string, text: string, optionText = text): Promise<void> {
  const box = scope.getByRole('combobox', { name: comboboxName, exact: true });
  await box.fill(text);
  const option = scope.getByRole('listbox').getByRole('option').filter({ hasText: optionText }).first();
  await option.waitFor({ timeout: 20_000 });
  await box.press('Enter');
  await page.waitForTimeout(0);
}

/** Cites a source in the sources picker of `form`. */
export async function cite(page: Page, form: Locator, citation: Citation): Promise<void> {
  if ('existing' in citation) {
    await pickOption(page, form, 'Cite a source in the Atlas', citation.existing);
    await form.locator('.sources .chosen li').filter({ hasText: citation.existing }).first().waitFor();
    return;
  }
  await form.getByRole('button', { name: '+ New source…' }).click();
  const group = form.getByRole('group', { name: 'New source' });
  await group.getByLabel('Title').fill(citation.create.title);
  await group.getByLabel('Publisher').fill(citation.create.publisher);
  await group.getByLabel('Year').fill(String(citation.create.year));
  await group.getByLabel('URL').fill(citation.create.url);
  if (citation.create.page) await group.getByLabel('Page').fill(citation.create.page);
  // Enter inside the new source adds it (and does not submit the whole form).
  await group.getByLabel('URL').press('Enter');
  await form.locator('.sources .chosen li').filter({ hasText: citation.create.title }).first().waitFor();
}

export interface NewEntity {
  kind: string;
  name: string;
  id: string;
  /** Field label (as the form shows it, without the range) → text to type or option to choose. */
  fields?: Record<string, string>;
  source?: Citation;
}

/** Fills a spec field by its label: selects take an option label, the rest is typed. */
export async function fillField(form: Locator, label: string, value: string): Promise<void> {
  const input = form.getByLabel(label, { exact: false }).first();
  const tag = await input.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await input.selectOption({ label: value });
  else await input.fill(value);
}

/** Creates an entity through New… and waits until the Explorer shows it. */
export async function createThroughMenu(page: Page, entity: NewEntity): Promise<void> {
  await page.getByRole('button', { name: 'New…' }).click();
  await page.getByRole('menuitem', { name: entity.kind, exact: true }).click();
  const form = page.getByRole('form', { name: `New ${entity.kind.toLowerCase()}` });
  await form.getByLabel('Name').fill(entity.name);
  await form.getByLabel('Id (optional)').fill(entity.id);
  for (const [label, value] of Object.entries(entity.fields ?? {})) await fillField(form, label, value);
  if (entity.source) await cite(page, form, entity.source);
  // Enter in a text input saves the form.
  await form.getByLabel('Name').press('Enter');
  await page
    .getByTestId('change-toast')
    .filter({ hasText: `“${entity.name}”` })
    .waitFor({ timeout: 20_000 });
  await page.locator('#details-heading').filter({ hasText: entity.name }).waitFor({ timeout: 20_000 });
}

/** Opens an entity in the Explorer by its id (the URL is what an analyst shares). */
export async function openInExplorer(page: Page, atlasUrl: string, id: string, name: string): Promise<void> {
  await page.goto(`${atlasUrl}/?view=explorer&focus=${encodeURIComponent(id)}`);
  await page.locator('#details-heading').filter({ hasText: name }).waitFor({ timeout: 20_000 });
}

export interface NewLink {
  /** The relation as the select shows it, e.g. "this enables → Capability". */
  relation: string;
  other: string;
  properties?: Record<string, string>;
  source?: Citation;
}

/** Links the entity in the details panel to another, through the Links tab. */
export async function linkFromDetails(page: Page, link: NewLink): Promise<void> {
  await page.getByRole('tab', { name: 'Links' }).click();
  await page.getByRole('button', { name: /^\+ Link .* to…$/ }).click();
  const form = page.locator('form.link-form');
  await form.getByLabel('Relation').selectOption({ label: link.relation });
  const endName = link.relation.startsWith('this ') ? 'To' : 'From';
  await pickOption(page, form, endName, link.other);
  for (const [label, value] of Object.entries(link.properties ?? {})) await fillField(form, label, value);
  if (link.source) await cite(page, form, link.source);
  await form.getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByTestId('change-toast').filter({ hasText: 'Linked' }).filter({ hasText: link.other }).waitFor({ timeout: 20_000 });
}

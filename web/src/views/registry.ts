// The views of the Atlas, in navigation order. To add one: create ./<View>/<View>.svelte and add an entry here;
// the shell gives it a nav link, the `view` URL parameter (?view=<id>) and lazy loading (its code, and any
// library only it uses, is fetched when first opened).
import type { Component } from 'svelte';

export interface ViewEntry {
  /** The value of ?view= — lower-case, stable: it appears in shared links. */
  id: string;
  /** The nav label, in analysts' words. */
  label: string;
  /** One line under the label, for the nav's tooltip and screen readers. */
  description: string;
  load: () => Promise<{ default: Component }>;
  /** Shown in the nav only to signed-in users, or only to admins (the view itself still explains itself to others). */
  needs?: 'signedIn' | 'admin';
}

export const VIEWS: readonly ViewEntry[] = [
  {
    id: 'explorer',
    label: 'Explorer',
    description: 'Search the map and walk the links around a technology or capability',
    load: () => import('./Explorer/Explorer.svelte'),
  },
  {
    id: 'dependencies',
    label: 'Dependencies',
    description: 'What a capability or technology really depends on, down to supplier countries; single points of failure',
    load: () => import('./Dependencies/Dependencies.svelte'),
  },
  {
    id: 'sovereignty',
    label: 'Sovereignty',
    description: 'Countries ranked by what a cut would lose, KET and critical-technology areas by non-EU share, items with unknown supply',
    load: () => import('./Sovereignty/Sovereignty.svelte'),
  },
  {
    id: 'signals',
    label: 'Signals',
    description: 'Horizon-scanning signals: import, triage, link to technologies, annotate and rate',
    load: () => import('./Signals/Signals.svelte'),
  },
  {
    id: 'scenarios',
    label: 'Scenarios',
    description: 'What-if scenarios: disruptions, maturing technologies, substitutes and threats, and their impact on capabilities',
    load: () => import('./Scenarios/Scenarios.svelte'),
  },
  {
    id: 'quality',
    label: 'Data quality',
    description: 'Unsourced facts, unknown supply and unknown TRL, each one click from its fix; restore deleted entities (admins)',
    load: () => import('./DataQuality/DataQuality.svelte'),
  },
  {
    id: 'sheets',
    label: 'Spreadsheets',
    description: 'The map as a spreadsheet: export it (or one capability’s part) as XLSX; import a workbook after a dry run (analysts)',
    load: () => import('./Sheets/Sheets.svelte'),
    needs: 'signedIn',
  },
  {
    id: 'tokens',
    label: 'API tokens',
    description: 'Your API tokens for scripts (create, list, revoke) and your password',
    load: () => import('./Tokens/Tokens.svelte'),
    needs: 'signedIn',
  },
  {
    id: 'users',
    label: 'Users',
    description: 'Administrators: add users, change roles, disable, delete, reset passwords, review anyone’s API tokens',
    load: () => import('./Users/Users.svelte'),
    needs: 'admin',
  },
];

export function findView(id: string): ViewEntry | undefined {
  return VIEWS.find((v) => v.id === id);
}

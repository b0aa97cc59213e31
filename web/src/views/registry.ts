// The views of the Atlas, in navigation order. To add one: create ./<View>/<View>.svelte and add an entry here;
// the shell gives it a nav link, the `view` URL parameter (?view=<id>) and lazy loading (its code, and any
// library only it uses, is fetched when first opened).
import type { Component } from 'svelte';

export interface ViewEntry {
  /** The value of ?view= — lower-case, stable: it appears in shared links. */
  id: string;
  /** The nav label, in analysts' words. */
  label: string;
  /** A shorter nav label for narrow windows (below 1180 px). */
  short?: string;
  /** Listed under "More" (views opened now and then) instead of on the nav's line. */
  more?: true;
  /** One line under the label, for the nav's tooltip and screen readers. */
  description: string;
  load: () => Promise<{ default: Component }>;
  /** Shown in the nav only to signed-in users, or only to admins (the view itself still explains itself to others). */
  needs?: 'signedIn' | 'admin';
  /** Reached another way (the header bell), not from the nav line, which is full. */
  hidden?: boolean;
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
    id: 'radar',
    label: 'Radar',
    description: 'Technology radar generated from the map: rings by horizon or TRL, sectors by KET area, critical area or domain; movement, editions, exports',
    load: () => import('./Radar/Radar.svelte'),
  },
  {
    id: 'roadmap',
    label: 'Roadmap',
    description: 'A capability’s enabling technologies on a timeline to 2040: expected readiness, horizons, dependencies at risk and a scenario’s events',
    load: () => import('./Roadmap/Roadmap.svelte'),
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
    id: 'delphi',
    label: 'Delphi',
    description: 'Structured group evaluation in rounds: a panel rates technologies blind, sees the group’s feedback, converges; results feed the ratings',
    load: () => import('./Delphi/Delphi.svelte'),
    needs: 'signedIn',
  },
  {
    id: 'queue',
    label: 'My queue',
    short: 'Queue',
    description: 'What colleagues assigned to you: overdue first, then by due date, each one click from the signal or entity',
    load: () => import('./Queue/Queue.svelte'),
    needs: 'signedIn',
  },
  {
    id: 'quality',
    label: 'Data quality',
    more: true,
    description: 'Unsourced facts, unknown supply and unknown TRL, each one click from its fix; restore deleted entities (admins)',
    load: () => import('./DataQuality/DataQuality.svelte'),
  },
  {
    id: 'sheets',
    label: 'Spreadsheets',
    more: true,
    description: 'The map as a spreadsheet: export it (or one capability’s part) as XLSX; import a workbook after a dry run (analysts)',
    load: () => import('./Sheets/Sheets.svelte'),
    needs: 'signedIn',
  },
  {
    id: 'notifications',
    label: 'Notifications',
    short: 'Alerts',
    description: 'What changed on the things you follow (the bell): signals linked, ratings, map changes, saved-search matches',
    load: () => import('./Notifications/Notifications.svelte'),
    needs: 'signedIn',
    hidden: true,
  },
  {
    id: 'tokens',
    label: 'API tokens',
    more: true,
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
    more: true,
  },
];

export function findView(id: string): ViewEntry | undefined {
  return VIEWS.find((v) => v.id === id);
}

/**
 * Serious or critical axe-core findings inside Payload's own components (3.90.1) that the
 * studio's configuration cannot reach: no field `admin` option, CSS variable or replaceable
 * view covers them. Each entry is as narrow as the element allows: the axe rule(s) and a CSS
 * selector the offending element itself must match. Anything else fails the test, and so does
 * an entry axe no longer reports. The README ("Accessibility") lists the same.
 */
export interface KnownUpstream {
  rules: string[]
  selector: string
  component: string
  pages: string
  why: string
  /** Shown only in some states (say, while someone edits a document): not required each run. */
  onlyWhen?: string
}

export const KNOWN_UPSTREAM: KnownUpstream[] = [
  {
    rules: ['aria-hidden-focus'],
    selector:
      '.rs__indicators > .dropdown-indicator[aria-hidden="true"], .rs__indicators > .clear-indicator[aria-hidden="true"]',
    component: '@payloadcms/ui ReactSelect: DropdownIndicator, ClearIndicator',
    pages: 'dashboard, clip, account',
    why: 'a focusable button (or role=button, tabindex=0) marked aria-hidden inside every select',
  },
  {
    rules: ['label'],
    selector: '.dashboard-breadcrumb-select input[role="combobox"]',
    component: '@payloadcms/next ModularDashboard DashboardStepNav (ReactSelect)',
    pages: 'dashboard',
    why: 'the breadcrumb dashboard picker has no label or aria-label',
  },
  {
    rules: ['label', 'label-title-only'],
    selector: '.field-type input.rs__input[id^="react-select-"]',
    component: '@payloadcms/ui RelationshipField and SelectField (ReactSelect)',
    pages: 'clip, account',
    why: "the field's <label for> names the wrapper id, not react-select's generated input id",
  },
  {
    rules: ['label', 'label-title-only'],
    selector: '.select-row input[type="checkbox"], .select-all input[type="checkbox"]',
    component: '@payloadcms/ui SelectRow, SelectAll (CheckboxInput)',
    pages: 'scripts list',
    why: 'the row and select-all checkboxes render aria-label="" and no label',
  },
  {
    rules: ['button-name'],
    selector: 'button.clickable-arrow',
    component: '@payloadcms/ui Pagination ClickableArrow',
    pages: 'scripts list',
    why: 'previous/next page buttons hold only a chevron icon',
  },
  {
    rules: ['button-name'],
    selector: '.doc-controls__popup .popup-button',
    component: '@payloadcms/ui DocumentControls (Popup)',
    pages: 'clip, account',
    why: 'the "more actions" button holds only three dots',
  },
  {
    rules: ['button-name'],
    selector: 'button.drawer-link__doc-drawer-toggler',
    component: '@payloadcms/ui RelationshipTable DrawerLink cell',
    pages: 'clip (its script join table)',
    why: 'the open-in-drawer button holds only an icon',
  },
  {
    rules: ['button-name'],
    selector: '.upload-relationship-details__edit, .upload-relationship-details__remove',
    component: '@payloadcms/ui Upload RelationshipContent',
    pages: 'clip',
    why: 'the edit and remove buttons of an upload field hold only icons',
  },
  {
    rules: ['button-name'],
    selector: '.clipboard-action__popup .popup-button, .array-actions .popup-button',
    component: '@payloadcms/ui ClipboardAction, ArrayAction (Popup)',
    pages: 'clip',
    why: 'the array and array-row menu buttons hold only icons',
  },
  {
    rules: ['aria-command-name'],
    selector: '.collapsible__drag[role="button"]',
    component: '@payloadcms/ui Collapsible drag handle (ArrayField, DraggableSortable)',
    pages: 'clip',
    why: 'the row drag handle is role=button without a name',
  },
  {
    rules: ['aria-command-name'],
    selector: '.locked[role="button"]',
    component: '@payloadcms/ui Locked (list view)',
    pages: 'scripts list',
    why: 'the lock icon on a document someone is editing is role=button without a name',
    onlyWhen: 'another browser test is editing a script',
  },
  {
    rules: ['list'],
    selector: 'ul.doc-tabs__tabs',
    component: '@payloadcms/next DocumentTabs',
    pages: 'clip',
    why: 'the <ul> holds the tab links directly, not in <li>',
  },
]

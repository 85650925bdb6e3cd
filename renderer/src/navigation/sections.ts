/** The app's sections, in menu order; each is one page under pages/<capability>/ and one `#/<id>` hash. */
export const SECTION_IDS = [
  'accounts',
  'invoices',
  'vouchers',
  'reports',
  'folder-watch',
  'settings',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export const HOME_SECTION: SectionId = 'accounts';

export const SECTION_LABELS: Record<SectionId, string> = {
  accounts: '账套',
  invoices: '票据',
  vouchers: '凭证',
  reports: '报表',
  'folder-watch': '文件夹监控',
  settings: '设置',
};

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

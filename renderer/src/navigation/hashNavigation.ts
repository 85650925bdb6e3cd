import { useSyncExternalStore } from 'react';
import { HOME_SECTION, isSectionId, type SectionId } from './sections';

/**
 * Hash routing (`#/settings`, `#/vouchers/<voucherId>`): works the same from file:// in Electron and
 * from http:// in a browser. The first segment is the section; the rest belongs to its page.
 */
function segmentsOf(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function sectionFromHash(hash: string): SectionId {
  const id = segmentsOf(hash)[0] ?? '';
  return isSectionId(id) ? id : HOME_SECTION;
}

/** The segments after the section, joined by `/` (empty when the hash names only a section). */
function subpathFromHash(hash: string): string {
  const [first = '', ...rest] = segmentsOf(hash);
  return isSectionId(first) ? rest.join('/') : '';
}

function subscribeToHashChanges(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useCurrentSection(): SectionId {
  return useSyncExternalStore(subscribeToHashChanges, () => sectionFromHash(window.location.hash));
}

/** What follows the section in the hash: `vch_…` in `#/vouchers/vch_…`. */
export function useSectionSubpath(): string {
  return useSyncExternalStore(subscribeToHashChanges, () => subpathFromHash(window.location.hash));
}

export function navigateTo(section: SectionId, ...subpath: string[]): void {
  const rest = subpath.map((segment) => `/${encodeURIComponent(segment)}`).join('');
  window.location.hash = `#/${section}${rest}`;
}

import { useSyncExternalStore } from 'react';
import { HOME_SECTION, isSectionId, type SectionId } from './sections';

/** Hash routing (`#/settings`): works the same from file:// in Electron and from http:// in a browser. */
function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '');
  return isSectionId(id) ? id : HOME_SECTION;
}

function subscribeToHashChanges(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useCurrentSection(): SectionId {
  return useSyncExternalStore(subscribeToHashChanges, () => sectionFromHash(window.location.hash));
}

export function navigateTo(section: SectionId): void {
  window.location.hash = `#/${section}`;
}

import { useEffect, useRef, useState } from 'react';
import { isSectionId, type SectionId } from '../utils/settings/sections';

function fromHash(): SectionId {
  const id = decodeURIComponent(location.hash.slice(1));
  return isSectionId(id) ? id : 'connection';
}

/**
 * The section the address names (`options.html#pii`). The hash is the state, so back, forward and reload
 * keep the place; `onArrive` runs once the page has drawn, on every arrival, to scroll and focus.
 */
export function useSectionHash(ready: boolean, onArrive: (section: SectionId) => void): SectionId {
  const [section, setSection] = useState(fromHash);
  const latest = useRef(onArrive);
  latest.current = onArrive;
  useEffect(() => {
    if (!ready) return;
    const arrive = () => {
      const next = fromHash();
      setSection(next);
      latest.current(next);
    };
    arrive();
    window.addEventListener('hashchange', arrive);
    return () => window.removeEventListener('hashchange', arrive);
  }, [ready]);
  return section;
}

import { useEffect } from 'react';
import { PORTAL_NAME } from '../config';

/** Sets the browser tab's title: 「<page> - 臺南市政府公務入口網」. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === PORTAL_NAME ? PORTAL_NAME : `${title} - ${PORTAL_NAME}`;
  }, [title]);
}

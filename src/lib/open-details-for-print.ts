import { useEffect } from 'react';

/**
 * Opens every closed <details> (such as "How do I check?") while the page prints, and
 * closes them again afterwards: on paper nothing can be expanded. Browsers print a
 * closed disclosure closed, and CSS cannot open one everywhere, hence the print events.
 */
export function useOpenDetailsForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const open = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
      for (const details of opened) details.open = true;
    };
    const restore = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', open);
    window.addEventListener('afterprint', restore);
    return () => {
      window.removeEventListener('beforeprint', open);
      window.removeEventListener('afterprint', restore);
    };
  }, []);
}

import { useEffect, useRef, type ReactNode } from 'react';
import { takeFocusRequest } from '../router.ts';
import { NoWrapHyphens } from './NoWrapHyphens.tsx';

interface PageHeadingProps {
  children: ReactNode;
  /** Document title text; defaults to the heading when it is a plain string. */
  title?: string;
}

/**
 * The page's `<h1>`. It sets the document title and, after an in-app navigation, takes focus so
 * that screen readers announce the new page and keyboard users continue from the top of it.
 */
export function PageHeading({ children, title }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    if (text) document.title = `${text} · Tumbuh`;
  }, [text]);

  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {typeof children === 'string' ? <NoWrapHyphens text={children} /> : children}
    </h1>
  );
}

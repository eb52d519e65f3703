import { useEffect } from 'react';

function setMeta(attribute: 'name' | 'property', key: string, content: string): void {
  let element = document.head.querySelector<HTMLMetaElement>(`meta[${attribute}="${key}"]`);
  if (!element) {
    element = document.createElement('meta');
    element.setAttribute(attribute, key);
    document.head.append(element);
  }
  element.content = content;
}

/**
 * Title, description and OpenGraph tags of a portal page after in-app navigation. The server
 * writes the same tags into the first HTML for crawlers and link previews (docs/portal.md).
 */
export function useDocumentMeta(meta: { title: string; description?: string | undefined }): void {
  const { title, description } = meta;
  useEffect(() => {
    document.title = title;
    setMeta('property', 'og:title', title);
    if (description) {
      setMeta('name', 'description', description);
      setMeta('property', 'og:description', description);
    }
  }, [title, description]);
}

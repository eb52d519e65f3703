import type { Route } from '../router.ts';

export type CmsRoute = Extract<Route, { name: 'cms' | 'cmsNew' | 'cmsEdit' | 'cmsSettings' }>;

/** The portal CMS for editors (filled in by the CMS work). */
export default function CmsPage({ route }: { route: CmsRoute }) {
  return <p>CMS: {route.name}</p>;
}

import { lazy, Suspense, type MouseEvent, type ReactNode } from 'react';
import { AccessibilityToolbar } from './accessibility/AccessibilityToolbar.tsx';
import { DemoBanner } from './components/DemoBanner.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { Loading } from './components/Loading.tsx';
import { RequireLogin } from './components/RequireLogin.tsx';
import { ToastRegion } from './components/ToastRegion.tsx';
import { UpdateBanner } from './offline/UpdateBanner.tsx';
import { useT } from './i18n/language.ts';
import { useRoute, type Route } from './router.ts';
import { loadSession, useSession } from './session.ts';

// Every page is its own chunk: the public home page loads only the shell and itself.
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const InputPage = lazy(() => import('./pages/InputPage.tsx'));
const AdminPage = lazy(() => import('./pages/AdminPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const RegionPage = lazy(() => import('./pages/RegionPage.tsx'));
const ChildPage = lazy(() => import('./pages/ChildPage.tsx'));
const FollowUpPage = lazy(() => import('./pages/FollowUpPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const OutboxPage = lazy(() => import('./pages/OutboxPage.tsx'));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx'));
const DeathsPage = lazy(() => import('./pages/DeathsPage.tsx'));
const DeathNotifyPage = lazy(() => import('./pages/DeathNotifyPage.tsx'));
const DeathCasesPage = lazy(() => import('./pages/DeathCasesPage.tsx'));
const DeathCasePage = lazy(() => import('./pages/DeathCasePage.tsx'));
const LiveBirthsPage = lazy(() => import('./pages/LiveBirthsPage.tsx'));
const ProfilePage = lazy(() => import('./portal/ProfilePage.tsx'));
const NewsPage = lazy(() => import('./portal/NewsPage.tsx'));
const ItemPage = lazy(() => import('./portal/ItemPage.tsx'));
const KnowledgePage = lazy(() => import('./portal/KnowledgePage.tsx'));
const OpenDataPage = lazy(() => import('./portal/OpenDataPage.tsx'));
const CmsPage = lazy(() => import('./cms/CmsPage.tsx'));

function page(route: Route): ReactNode {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'login':
      return <LoginPage />;
    case 'dashboard':
      // Aggregate figures only: public, with the small-number rule for visitors.
      return <DashboardPage />;
    case 'input':
      return (
        <RequireLogin action="records:write">
          <InputPage />
        </RequireLogin>
      );
    case 'admin':
      return (
        <RequireLogin action="users:manage">
          <AdminPage />
        </RequireLogin>
      );
    case 'account':
      return (
        <RequireLogin>
          <AccountPage />
        </RequireLogin>
      );
    case 'region':
      return <RegionPage code={route.code} />;
    case 'child':
      return (
        <RequireLogin action="records:read">
          <ChildPage key={route.id} id={route.id} />
        </RequireLogin>
      );
    case 'followUp':
      return (
        <RequireLogin action="records:read">
          <FollowUpPage />
        </RequireLogin>
      );
    case 'outbox':
      return (
        <RequireLogin>
          <OutboxPage />
        </RequireLogin>
      );
    case 'imports':
      return (
        <RequireLogin action="records:write">
          <ImportPage />
        </RequireLogin>
      );
    case 'deaths':
      return <DeathsPage />;
    case 'deathNotify':
      return (
        <RequireLogin>
          <DeathNotifyPage />
        </RequireLogin>
      );
    case 'deathCases':
      return (
        <RequireLogin>
          <DeathCasesPage />
        </RequireLogin>
      );
    case 'deathCase':
      return (
        <RequireLogin>
          <DeathCasePage key={route.id} id={route.id} />
        </RequireLogin>
      );
    case 'liveBirths':
      return (
        <RequireLogin action="aggregates:write">
          <LiveBirthsPage />
        </RequireLogin>
      );
    case 'profile':
      return <ProfilePage />;
    case 'news':
      return <NewsPage />;
    case 'knowledge':
      return <KnowledgePage />;
    case 'openData':
      return <OpenDataPage />;
    case 'newsItem':
      return <ItemPage key={route.slug} kind="news" slug={route.slug} />;
    case 'knowledgeItem':
      return <ItemPage key={route.slug} kind="knowledge" slug={route.slug} />;
    case 'practice':
      return <ItemPage key={route.slug} kind="practice" slug={route.slug} />;
    case 'event':
      return <ItemPage key={route.slug} kind="event" slug={route.slug} />;
    case 'pageItem':
      return <ItemPage key={route.slug} kind="page" slug={route.slug} />;
    case 'cms':
    case 'cmsNew':
    case 'cmsEdit':
    case 'cmsSettings':
      return (
        <RequireLogin action="content:write">
          <CmsPage route={route} />
        </RequireLogin>
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}

/** The shell: skip link, header, the current page, footer. */
export function App() {
  const t = useT();
  const session = useSession();
  const { route, pathname } = useRoute();
  // A one-time password must be replaced before anything else (only logging out stays possible).
  const content = session.user?.mustChangePassword ? <ChangePasswordPage /> : page(route);

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('layout.skipToContent')}
      </a>
      <Header />
      <DemoBanner />
      <UpdateBanner />
      {session.status === 'unreachable' && !session.user && (
        <div className="banner" role="status">
          <div className="container banner-inner">
            <p>{t('layout.serverOffline')}</p>
            <button type="button" className="button" onClick={() => void loadSession()}>
              {t('layout.retry')}
            </button>
          </div>
        </div>
      )}
      <main id="main" tabIndex={-1} className="container">
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>{content}</Suspense>
        </ErrorBoundary>
      </main>
      <ToastRegion />
      <Footer />
      <AccessibilityToolbar />
    </>
  );
}

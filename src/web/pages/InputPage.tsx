import { PageHeading } from '../components/PageHeading.tsx';
import { useT } from '../i18n/language.ts';
import { ChildRegistration } from '../registry/ChildRegistration.tsx';
import { MeasureScreen } from '../registry/MeasureScreen.tsx';
import { PosyanduChooser } from '../registry/PosyanduChooser.tsx';
import { RosterScreen } from '../registry/RosterScreen.tsx';
import { useRoute } from '../router.ts';
import { useSession } from '../session.ts';

/**
 * The kader's posyandu day on a phone: choose the posyandu (a kader has one and skips this),
 * the list of its children for this month, then one child's weighing — or a new child. Each step
 * is a URL (`/input?posyandu=…&anak=…`), so the phone's back button goes one step back and a
 * reload stays where it was.
 */
export default function InputPage() {
  const t = useT();
  const { user } = useSession();
  const { query } = useRoute();
  if (!user) return null;
  const posyanduId = query.get('posyandu') ?? user.posyanduId ?? null;
  const childId = query.get('anak');

  if (!posyanduId) {
    return (
      <>
        <PageHeading>{t('input.title')}</PageHeading>
        <PosyanduChooser user={user} />
      </>
    );
  }
  if (query.get('daftar') !== null) return <ChildRegistration posyanduId={posyanduId} />;
  if (childId) return <MeasureScreen posyanduId={posyanduId} childId={childId} />;
  return <RosterScreen posyanduId={posyanduId} canChange={!user.posyanduId} />;
}

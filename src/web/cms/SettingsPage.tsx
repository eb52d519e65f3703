/**
 * `/cms/pengaturan`: the portal's settings — site name and welcome text in both languages, the
 * home region, the logo, the two colours (with a live contrast hint: the server refuses a
 * primary colour below 4.5:1 on white) and the contact details.
 */
import { useId, useState, type ReactNode } from 'react';
import { isApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { formFields } from '../components/form-fields.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { loadPortalSettings } from '../portal/settings.ts';
import { showToast } from '../toast.ts';
import { cmsApi, type FileRef, type PortalSettings } from './api.ts';
import { FileField } from './FileField.tsx';
import { contrastRatio, minContrast } from './helpers.ts';
import { useLeaveWarning } from './use-leave-warning.ts';

export function SettingsPage() {
  const t = useT();
  const settings = useApi('settings', (_k, signal) => cmsApi.settings(signal));
  // The logo's name and URL: the public settings carry the file reference.
  return (
    <>
      <PageHeading>{t('cms.settingsTitle')}</PageHeading>
      <p className="lead">{t('cms.settingsIntro')}</p>
      <ErrorMessage error={settings.error} />
      {!settings.data && !settings.error && <Loading />}
      {settings.data && <SettingsForm initial={settings.data} />}
    </>
  );
}

const textDark = '#1b2126';

function SettingsForm({ initial }: { initial: PortalSettings }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [values, setValues] = useState<PortalSettings>(initial);
  const [saved, setSaved] = useState<PortalSettings>(initial);
  const [logo, setLogo] = useState<FileRef | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  useLeaveWarning(dirty, t('cms.leaveWarning'));
  const logoRef = useApi(values.logoFileId && !logo ? values.logoFileId : null, (_k, signal) =>
    cmsApi.files(signal),
  );
  const currentLogo = logo ?? logoRef.data?.files.find((f) => f.id === values.logoFileId) ?? null;

  const serverField = isApiError(error) ? (error.details.field as string | undefined) : undefined;
  const primaryRatio = contrastRatio(values.colors.primary, '#ffffff');
  const accentRatio = contrastRatio(values.colors.accent, textDark);
  const primaryLow = primaryRatio !== null && primaryRatio < minContrast;
  const messageOf = (field: string): string | undefined => {
    if (field === 'colors.primary' && primaryLow) return t('cms.contrastTooLow');
    if (field === 'siteName.id' && !values.siteName.id.trim()) return t('cms.problemRequired');
    if (field === 'siteName.en' && !values.siteName.en.trim()) return t('cms.problemRequired');
    if (serverField === field && isApiError(error)) return error.message;
    return undefined;
  };

  function update(change: (v: PortalSettings) => PortalSettings) {
    setValues(change);
  }

  async function save() {
    setError(null);
    const invalid = ['siteName.id', 'siteName.en', 'colors.primary'].find((f) => messageOf(f));
    if (invalid) {
      document.getElementById(`${ids}-${invalid}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const stored = await cmsApi.saveSettings(values);
      const { logo: storedLogo, homeRegionName: _name, ...plain } = stored;
      setValues(plain);
      setSaved(plain);
      setLogo(storedLogo);
      // The header, footer and home page show the new name and colours without a reload.
      loadPortalSettings(true);
      showToast(t('cms.settingsSaved'));
    } catch (e) {
      setError(e);
      if (isApiError(e) && typeof e.details.field === 'string')
        document.getElementById(`${ids}-${e.details.field}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const { field, described } = formFields(ids, messageOf);

  const colour = (which: 'primary' | 'accent', label: string, hint: ReactNode) => (
    <div className="field cms-colour">
      <label htmlFor={`${ids}-colors.${which}`}>{label}</label>
      <div className="cms-colour-row">
        <input
          type="color"
          aria-label={t('cms.colourPicker', { label })}
          value={/^#[0-9a-f]{6}$/i.test(values.colors[which]) ? values.colors[which] : '#000000'}
          onChange={(e) =>
            update((v) => ({ ...v, colors: { ...v.colors, [which]: e.target.value } }))
          }
        />
        <input
          type="text"
          className="cms-colour-text"
          maxLength={7}
          spellCheck={false}
          value={values.colors[which]}
          onChange={(e) =>
            update((v) => ({ ...v, colors: { ...v.colors, [which]: e.target.value.trim() } }))
          }
          {...described(`colors.${which}`, true)}
        />
      </div>
      <div className="hint" id={`${ids}-colors.${which}-hint`} aria-live="polite">
        {hint}
      </div>
      <FieldError id={`${ids}-colors.${which}-error`} text={messageOf(`colors.${which}`)} />
    </div>
  );

  const ratioText = (r: number | null) => (r === null ? '—' : `${formatNumber(r, lang, 1)}:1`);

  return (
    <form
      className="cms-settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="cms-group">
        <legend>{t('cms.groupIdentity')}</legend>
        <div className="field-pair">
          {field(
            'siteName.id',
            t('cms.siteNameId'),
            <input
              type="text"
              lang="id"
              maxLength={120}
              value={values.siteName.id}
              onChange={(e) =>
                update((v) => ({ ...v, siteName: { ...v.siteName, id: e.target.value } }))
              }
              {...described('siteName.id')}
            />,
          )}
          {field(
            'siteName.en',
            t('cms.siteNameEn'),
            <input
              type="text"
              lang="en"
              maxLength={120}
              value={values.siteName.en}
              onChange={(e) =>
                update((v) => ({ ...v, siteName: { ...v.siteName, en: e.target.value } }))
              }
              {...described('siteName.en')}
            />,
          )}
        </div>
        {field(
          'welcome.id',
          t('cms.welcomeId'),
          <textarea
            lang="id"
            rows={4}
            maxLength={600}
            value={values.welcome.id}
            onChange={(e) =>
              update((v) => ({ ...v, welcome: { ...v.welcome, id: e.target.value } }))
            }
            {...described('welcome.id')}
          />,
        )}
        {field(
          'welcome.en',
          t('cms.welcomeEn'),
          <textarea
            lang="en"
            rows={4}
            maxLength={600}
            value={values.welcome.en}
            onChange={(e) =>
              update((v) => ({ ...v, welcome: { ...v.welcome, en: e.target.value } }))
            }
            {...described('welcome.en')}
          />,
        )}
        <FileField
          id={`${ids}-logoFileId`}
          label={t('cms.logo')}
          kind="image"
          value={currentLogo}
          onChange={(f) => {
            setLogo(f);
            update((v) => ({ ...v, logoFileId: f?.id ?? null }));
          }}
        />
      </fieldset>

      <fieldset className="cms-group">
        <legend>{t('cms.groupHome')}</legend>
        <div id={`${ids}-homeRegion`} tabIndex={-1}>
          <RegionPicker
            value={values.homeRegion}
            maxLevel="kabupaten"
            label={t('cms.homeRegion')}
            onChange={(code) => update((v) => ({ ...v, homeRegion: code }))}
          />
        </div>
        <FieldError id={`${ids}-homeRegion-error`} text={messageOf('homeRegion')} />
      </fieldset>

      <fieldset className="cms-group">
        <legend>{t('cms.groupColours')}</legend>
        <div className="cms-colours">
          {colour(
            'primary',
            t('cms.colourPrimary'),
            <>
              <StatusIcon kind={primaryLow ? 'danger' : 'ok'} />{' '}
              {t('cms.contrastPrimary', { ratio: ratioText(primaryRatio) })}
            </>,
          )}
          {colour(
            'accent',
            t('cms.colourAccent'),
            <>{t('cms.contrastAccent', { ratio: ratioText(accentRatio) })}</>,
          )}
          <div
            className="cms-swatch"
            aria-hidden="true"
            style={{ borderColor: values.colors.accent }}
          >
            <span
              className="cms-swatch-button"
              style={{ background: values.colors.primary, color: '#ffffff' }}
            >
              {t('cms.swatchButton')}
            </span>
            <span
              className="cms-swatch-accent"
              style={{ background: values.colors.accent, color: textDark }}
            >
              {t('cms.swatchAccent')}
            </span>
          </div>
        </div>
      </fieldset>

      <fieldset className="cms-group">
        <legend>{t('cms.groupContact')}</legend>
        {field(
          'contact.address',
          t('cms.contactAddress'),
          <textarea
            rows={2}
            maxLength={300}
            value={values.contact.address}
            onChange={(e) =>
              update((v) => ({ ...v, contact: { ...v.contact, address: e.target.value } }))
            }
            {...described('contact.address')}
          />,
        )}
        <div className="field-pair">
          {field(
            'contact.email',
            t('cms.contactEmail'),
            <input
              type="email"
              maxLength={120}
              value={values.contact.email}
              onChange={(e) =>
                update((v) => ({ ...v, contact: { ...v.contact, email: e.target.value } }))
              }
              {...described('contact.email')}
            />,
          )}
          {field(
            'contact.phone',
            t('cms.contactPhone'),
            <input
              type="tel"
              maxLength={40}
              value={values.contact.phone}
              onChange={(e) =>
                update((v) => ({ ...v, contact: { ...v.contact, phone: e.target.value } }))
              }
              {...described('contact.phone')}
            />,
          )}
        </div>
      </fieldset>

      <ErrorMessage error={error && !serverField ? error : null} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('cms.saveSettings')}
        </button>
        <span className="cms-dirty" aria-live="polite">
          {dirty ? t('cms.unsaved') : t('cms.allSaved')}
        </span>
      </div>
    </form>
  );
}

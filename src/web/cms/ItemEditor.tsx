/**
 * The editor of one content item (`/cms/baru/<kind>` and `/cms/<id>`): every field of its kind,
 * Save draft (PUT with the version it started from; a stale version says so and offers the
 * newest), Publish / Unpublish, a preview of the sanitised body the server returned, Delete
 * with confirmation and the revisions with Restore (the editors' undo). Unsaved changes warn
 * before the page is left.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { documentTypes, interventionTypes, type ContentKind } from '../../core/portal/model.ts';
import { isApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { formFields } from '../components/form-fields.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import { cmsItemPath, itemPath, navigate, paths } from '../router.ts';
import { showToast } from '../toast.ts';
import { cmsApi, isVersionConflict, type EditorItem } from './api.ts';
import { FileField } from './FileField.tsx';
import {
  createBody,
  emptyValues,
  isDirty,
  publishProblems,
  saveProblems,
  updateBody,
  valuesOfItem,
  withTitle,
  type ItemValues,
  type Problem,
} from './form.ts';
import { maxSlugLength } from './helpers.ts';
import { RichTextEditor } from './RichTextEditor.tsx';
import { useLeaveWarning } from './use-leave-warning.ts';
import {
  actionKeys,
  documentTypeKeys,
  interventionKeys,
  kindKeys,
  newKindKeys,
  statusKeys,
} from './words.ts';

const problemKeys: Record<Problem, MessageKey> = {
  required: 'cms.problemRequired',
  slug: 'cms.problemSlug',
  endBeforeStart: 'cms.problemEndBeforeStart',
  tooManyTags: 'cms.problemTags',
};

/** Server field names (details.field) mapped to the form's fields. */
const serverFields: Record<string, string> = {
  coverFileId: 'cover',
  documentFileId: 'document',
};

/** `/cms/<id>`: loads the item, then the form. */
export function EditItemPage({ id }: { id: string }) {
  const t = useT();
  const item = useApi(id, (key, signal) => cmsApi.item(key, signal));
  if (item.error)
    return (
      <>
        <PageHeading>{t('cms.editTitle')}</PageHeading>
        <ErrorMessage error={item.error} />
        <Link to={paths.cms}>{t('cms.backToList')}</Link>
      </>
    );
  if (!item.data) return <Loading />;
  return <ItemEditor kind={item.data.kind} initial={item.data} />;
}

/** `/cms/baru/<kind>`. */
export function NewItemPage({ kind }: { kind: ContentKind }) {
  return <ItemEditor key={kind} kind={kind} initial={null} />;
}

type Busy = 'save' | 'publish' | 'unpublish' | 'delete' | 'restore' | 'reload' | null;

function ItemEditor({ kind, initial }: { kind: ContentKind; initial: EditorItem | null }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [saved, setSaved] = useState<EditorItem | null>(initial);
  const [baseline, setBaseline] = useState<ItemValues>(() =>
    initial ? valuesOfItem(initial) : emptyValues(),
  );
  const [values, setValues] = useState<ItemValues>(baseline);
  /** Bumped when the server's copy replaces the form (reload, restore): remounts the body editor. */
  const [generation, setGeneration] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [publishMissing, setPublishMissing] = useState<string[]>([]);
  const [preview, setPreview] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLElement>(null);

  const dirty =
    saved === null ? isDirty(kind, values, emptyValues()) : isDirty(kind, values, baseline);
  useLeaveWarning(dirty && busy !== 'delete', t('cms.leaveWarning'));

  const set = <K extends keyof ItemValues>(key: K, value: ItemValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const problems = saveProblems(kind, values);
  const stillMissing = publishProblems(kind, values);
  const serverField = isApiError(error) ? (error.details.field as string | undefined) : undefined;
  const serverFieldName = serverField ? (serverFields[serverField] ?? serverField) : undefined;
  const messageOf = (field: string): string | undefined => {
    const p = problems.get(field as never);
    if (p && (submitted || field !== 'title')) return t(problemKeys[p]);
    if (publishMissing.includes(field) && stillMissing.includes(field as never))
      return t('cms.problemPublish');
    if (serverFieldName === field && isApiError(error)) return error.message;
    return undefined;
  };

  useEffect(() => {
    if (confirmDelete) confirmRef.current?.focus();
  }, [confirmDelete]);
  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);

  /** The server's copy becomes the form (after save, publish, reload, restore). */
  function take(item: EditorItem, replaceForm: boolean) {
    const v = valuesOfItem(item);
    setSaved(item);
    setBaseline(v);
    setValues(v);
    setPublishMissing([]);
    if (replaceForm) setGeneration((g) => g + 1);
  }

  function focusField(field: string) {
    document.getElementById(`${ids}-${field}`)?.focus();
  }

  function fail(e: unknown) {
    if (isVersionConflict(e)) {
      setConflict(true);
      setError(null);
      return;
    }
    setError(e);
    if (isApiError(e) && typeof e.details.field === 'string')
      focusField(serverFields[e.details.field] ?? e.details.field);
  }

  /** Saves when needed; the stored item, or null when something stopped it (shown). */
  async function persist(): Promise<EditorItem | null> {
    setSubmitted(true);
    setError(null);
    const first = [...problems.keys()][0];
    if (first) {
      focusField(first);
      return null;
    }
    if (saved && !dirty) return saved;
    try {
      if (!saved) {
        const created = await cmsApi.create(createBody(kind, values));
        // The form's values are what was sent: no leave warning on the way to the item's URL.
        take(created, false);
        return created;
      }
      const updated = await cmsApi.update(saved.id, updateBody(kind, values, saved.version));
      take(updated, false);
      return updated;
    } catch (e) {
      fail(e);
      return null;
    }
  }

  async function act(which: Exclude<Busy, null>, work: () => Promise<void>) {
    setBusy(which);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }

  const goToItem = (item: EditorItem) => {
    if (!saved) navigate(cmsItemPath(item.id), { replace: true });
  };

  const saveDraft = () =>
    act('save', async () => {
      const item = await persist();
      if (!item) return;
      showToast(t('cms.saved'));
      goToItem(item);
    });

  const publish = () =>
    act('publish', async () => {
      const missing = publishProblems(kind, values);
      if (missing.length > 0) {
        setSubmitted(true);
        setPublishMissing(missing);
        focusField(missing[0]!);
        return;
      }
      const item = await persist();
      if (!item) return;
      try {
        const published = await cmsApi.publish(item.id, item.version);
        take(published, false);
        showToast(t('cms.published'));
        goToItem(published);
      } catch (e) {
        fail(e);
        goToItem(item);
      }
    });

  const unpublish = () =>
    act('unpublish', async () => {
      const item = await persist();
      if (!item) return;
      try {
        take(await cmsApi.unpublish(item.id, item.version), false);
        showToast(t('cms.unpublished'));
      } catch (e) {
        fail(e);
      }
    });

  const reloadLatest = () =>
    act('reload', async () => {
      if (!saved) return;
      try {
        take(await cmsApi.item(saved.id), true);
        setConflict(false);
        setError(null);
      } catch (e) {
        setError(e);
      }
    });

  const remove = () =>
    act('delete', async () => {
      if (!saved) return;
      try {
        await cmsApi.remove(saved.id);
        showToast(t('cms.deleted'));
        navigate(paths.cms);
      } catch (e) {
        setConfirmDelete(false);
        setError(e);
      }
    });

  const restore = (version: number) =>
    act('restore', async () => {
      if (!saved) return;
      if (dirty && !window.confirm(t('cms.restoreConfirm'))) return;
      try {
        take(await cmsApi.restore(saved.id, version), true);
        setError(null);
        setConflict(false);
        showToast(t('cms.restored', { version }));
      } catch (e) {
        setError(e);
      }
    });

  const { field, described } = formFields(ids, messageOf);

  const published = saved?.status === 'published';
  const publicUrl = saved && published ? itemPath(saved.kind, saved.slug) : null;
  const heading = saved ? saved.title || t('cms.editTitle') : t(newKindKeys[kind]);
  const generalError = error && !serverFieldName ? error : null;

  return (
    <>
      <p className="back-link">
        <Link to={paths.cms}>← {t('cms.backToList')}</Link>
      </p>
      <PageHeading title={heading}>
        {heading}{' '}
        {saved && (
          <span className={`badge cms-status cms-status-${saved.status}`}>
            {t(statusKeys[saved.status])}
          </span>
        )}
      </PageHeading>
      {saved && (
        <p className="cms-meta">
          {t(kindKeys[kind])}
          {saved && (
            <>
              {' · '}
              {t('cms.versionOf', { version: saved.version })}
              {' · '}
              {t('cms.lastChange', {
                when: formatDateTime(saved.updatedAt, lang),
                who: saved.updatedBy ?? t('common.none'),
              })}
            </>
          )}
          {publicUrl && (
            <>
              {' · '}
              <a href={publicUrl} target="_blank" rel="noopener">
                {t('cms.viewPublic')}
              </a>
            </>
          )}
        </p>
      )}

      <div className="cms-editor-layout">
        <form
          className="cms-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveDraft();
          }}
        >
          {field(
            'title',
            t('cms.fieldTitle'),
            <input
              type="text"
              maxLength={200}
              value={values.title}
              onChange={(e) => setValues((v) => withTitle(v, e.target.value))}
              {...described('title')}
            />,
          )}
          {field(
            'slug',
            t('cms.fieldSlug'),
            <div className="cms-slug">
              <span className="cms-slug-prefix" aria-hidden="true">
                {itemPath(kind, '').replace(/\/$/, '/')}
              </span>
              <input
                type="text"
                maxLength={maxSlugLength}
                value={values.slug}
                spellCheck={false}
                onChange={(e) =>
                  setValues((v) => ({ ...v, slug: e.target.value, slugEdited: true }))
                }
                {...described('slug', true)}
              />
            </div>,
            published ? t('cms.slugHintPublished') : t('cms.slugHint'),
          )}
          {field(
            'summary',
            t('cms.fieldSummary'),
            <textarea
              rows={3}
              maxLength={500}
              value={values.summary}
              onChange={(e) => set('summary', e.target.value)}
              {...described('summary', true)}
            />,
            t('cms.summaryHint'),
          )}
          {field(
            'tags',
            t('cms.fieldTags'),
            <input
              type="text"
              value={values.tags}
              onChange={(e) => set('tags', e.target.value)}
              {...described('tags', true)}
            />,
            t('cms.tagsHint'),
          )}
          {field(
            'author',
            t('cms.fieldAuthor'),
            <input
              type="text"
              maxLength={120}
              value={values.author}
              onChange={(e) => set('author', e.target.value)}
              {...described('author')}
            />,
          )}

          {kind === 'knowledge' && (
            <fieldset className="cms-group">
              <legend>{t('cms.groupKnowledge')}</legend>
              {field(
                'documentType',
                t('cms.fieldDocumentType'),
                <select
                  value={values.documentType}
                  onChange={(e) =>
                    set('documentType', e.target.value as ItemValues['documentType'])
                  }
                  {...described('documentType')}
                >
                  <option value="">{t('cms.choose')}</option>
                  {documentTypes.map((d) => (
                    <option key={d} value={d}>
                      {t(documentTypeKeys[d])}
                    </option>
                  ))}
                </select>,
              )}
              <FileField
                id={`${ids}-document`}
                label={t('cms.fieldDocument')}
                kind="pdf"
                value={values.document}
                onChange={(f) => set('document', f)}
                problem={messageOf('document')}
              />
            </fieldset>
          )}

          {kind === 'practice' && (
            <fieldset className="cms-group">
              <legend>{t('cms.groupPractice')}</legend>
              <div id={`${ids}-regionCode`} tabIndex={-1}>
                <RegionPicker
                  value={values.regionCode}
                  onChange={(code) => set('regionCode', code)}
                  label={t('cms.fieldRegion')}
                />
              </div>
              <FieldError id={`${ids}-regionCode-error`} text={messageOf('regionCode')} />
              {field(
                'interventionType',
                t('cms.fieldIntervention'),
                <select
                  value={values.interventionType}
                  onChange={(e) =>
                    set('interventionType', e.target.value as ItemValues['interventionType'])
                  }
                  {...described('interventionType')}
                >
                  <option value="">{t('cms.choose')}</option>
                  {interventionTypes.map((d) => (
                    <option key={d} value={d}>
                      {t(interventionKeys[d])}
                    </option>
                  ))}
                </select>,
              )}
            </fieldset>
          )}

          {kind === 'event' && (
            <fieldset className="cms-group">
              <legend>{t('cms.groupEvent')}</legend>
              <div className="field-pair">
                {field(
                  'eventStart',
                  t('cms.fieldEventStart'),
                  <input
                    type="date"
                    value={values.eventStart}
                    onChange={(e) => set('eventStart', e.target.value)}
                    {...described('eventStart')}
                  />,
                )}
                {field(
                  'eventEnd',
                  t('cms.fieldEventEnd'),
                  <input
                    type="date"
                    value={values.eventEnd}
                    min={values.eventStart || undefined}
                    onChange={(e) => set('eventEnd', e.target.value)}
                    {...described('eventEnd', true)}
                  />,
                  t('cms.eventEndHint'),
                )}
              </div>
              {field(
                'location',
                t('cms.fieldLocation'),
                <input
                  type="text"
                  maxLength={200}
                  value={values.location}
                  onChange={(e) => set('location', e.target.value)}
                  {...described('location')}
                />,
              )}
            </fieldset>
          )}

          <FileField
            id={`${ids}-cover`}
            label={t('cms.fieldCover')}
            kind="image"
            value={values.cover}
            onChange={(f) => set('cover', f)}
            problem={messageOf('cover')}
          />

          <RichTextEditor
            key={generation}
            id={`${ids}-bodyHtml`}
            label={t('cms.fieldBody')}
            value={values.bodyHtml}
            onChange={(html) => set('bodyHtml', html)}
            describedBy={`${ids}-bodyHtml-error`}
          />
          <FieldError id={`${ids}-bodyHtml-error`} text={messageOf('bodyHtml')} />
        </form>

        <aside className="cms-side" aria-label={t('cms.actions')}>
          <section className="cms-card">
            <h2>{t('cms.actions')}</h2>
            <p className="cms-dirty" aria-live="polite">
              {dirty ? t('cms.unsaved') : saved ? t('cms.allSaved') : t('cms.notSavedYet')}
            </p>
            <ErrorMessage error={generalError} />
            {conflict && (
              <div role="alert" className="notice notice-warning cms-conflict">
                <p>
                  <strong>{t('cms.conflictTitle')}</strong>
                </p>
                <p>{t('cms.conflictText')}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy !== null}
                    onClick={() => void reloadLatest()}
                  >
                    {t('cms.conflictReload')}
                  </button>
                </div>
              </div>
            )}
            <div className="cms-actions">
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void saveDraft()}
              >
                {busy === 'save' ? t('common.saving') : t('cms.saveDraft')}
              </button>
              {published ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  onClick={() => void unpublish()}
                >
                  {busy === 'unpublish' ? t('common.saving') : t('cms.unpublish')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy !== null}
                  onClick={() => void publish()}
                >
                  {busy === 'publish' ? t('common.saving') : t('cms.publish')}
                </button>
              )}
              {published && dirty && (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy !== null}
                  onClick={() => void saveDraft()}
                >
                  {t('cms.updatePublished')}
                </button>
              )}
              {saved && (
                <button
                  type="button"
                  className="button"
                  aria-expanded={preview}
                  aria-controls={`${ids}-preview`}
                  onClick={() => setPreview(!preview)}
                >
                  {preview ? t('cms.previewClose') : t('cms.preview')}
                </button>
              )}
            </div>
            {published && <p className="hint">{t('cms.publishedHint')}</p>}
            {saved && !confirmDelete && (
              <button
                type="button"
                className="button button-quiet cms-delete"
                disabled={busy !== null}
                onClick={() => setConfirmDelete(true)}
              >
                {t('cms.delete')}
              </button>
            )}
            {saved && confirmDelete && (
              <div
                className="confirm-box cms-confirm"
                role="alertdialog"
                aria-labelledby={`${ids}-del-title`}
                tabIndex={-1}
                ref={confirmRef}
              >
                <p className="confirm-title" id={`${ids}-del-title`}>
                  {t('cms.deleteConfirmTitle', { title: saved.title })}
                </p>
                <p>{published ? t('cms.deleteConfirmPublished') : t('cms.deleteConfirmText')}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button cms-button-danger"
                    disabled={busy !== null}
                    onClick={() => void remove()}
                  >
                    {t('cms.deleteYes')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                    {t('cms.cancel')}
                  </button>
                </div>
              </div>
            )}
          </section>
          {saved && (
            <Revisions item={saved} busy={busy !== null} onRestore={(v) => void restore(v)} />
          )}
        </aside>
      </div>

      {saved && preview && (
        <section
          id={`${ids}-preview`}
          className="cms-preview"
          aria-labelledby={`${ids}-preview-label`}
          ref={previewRef}
          tabIndex={-1}
        >
          <p className="cms-preview-label" id={`${ids}-preview-label`}>
            {t('cms.previewLabel')}
          </p>
          {dirty && <p className="notice notice-warning">{t('cms.previewStale')}</p>}
          <Preview item={saved} />
        </section>
      )}
    </>
  );
}

/** The saved item as the portal shows it; the body is the HTML the server sanitised. */
function Preview({ item }: { item: EditorItem }) {
  const t = useT();
  const lang = useLang();
  return (
    <article className="cms-article">
      <p className="cms-article-kind">{t(kindKeys[item.kind])}</p>
      <h2 className="cms-article-title">{item.title}</h2>
      {item.summary && <p className="lead">{item.summary}</p>}
      <p className="cms-article-meta">
        {[
          item.author,
          item.publishedAt ? formatDate(item.publishedAt, lang) : t(statusKeys[item.status]),
          item.kind === 'event' && item.eventStart
            ? item.eventEnd && item.eventEnd !== item.eventStart
              ? `${formatDate(item.eventStart, lang)} – ${formatDate(item.eventEnd, lang)}`
              : formatDate(item.eventStart, lang)
            : '',
          item.location,
          item.region?.name ?? '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {item.cover && <img className="cms-article-cover" src={item.cover.url} alt="" />}
      {/* Sanitised by the server (allow-list: no script, no on*, no javascript: URLs). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      {item.document && (
        <p>
          <a className="button" href={item.document.url}>
            {t('cms.download', { name: item.document.name })}
          </a>
        </p>
      )}
      {item.tags.length > 0 && (
        <ul className="chips cms-tags" aria-label={t('cms.fieldTags')}>
          {item.tags.map((tag) => (
            <li key={tag} className="chip chip-neutral">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function Revisions({
  item,
  busy,
  onRestore,
}: {
  item: EditorItem;
  busy: boolean;
  onRestore: (version: number) => void;
}) {
  const t = useT();
  const lang = useLang();
  const list = useApi(`${item.id}:${item.version}`, (_k, signal) =>
    cmsApi.revisions(item.id, signal),
  );
  const revisions = [...(list.data?.revisions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section className="cms-card cms-revisions">
      <h2>{t('cms.revisions')}</h2>
      <p className="hint">{t('cms.revisionsHint')}</p>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      <ol className="cms-revision-list">
        {revisions.map((r) => (
          <li key={r.version} className="cms-revision">
            <span className="cms-revision-top">
              <strong>{t('cms.versionOf', { version: r.version })}</strong>
              <span>{t(actionKeys[r.action])}</span>
              <span className={`badge cms-status cms-status-${r.status}`}>
                {t(statusKeys[r.status])}
              </span>
            </span>
            <span className="cms-revision-meta">
              {formatDateTime(r.at, lang)} · {r.actorEmail ?? t('common.none')}
            </span>
            <span className="cms-revision-title">{r.title}</span>
            {r.version === item.version ? (
              <span className="hint">{t('cms.currentVersion')}</span>
            ) : (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                aria-label={t('cms.restoreVersion', { version: r.version })}
                onClick={() => onRestore(r.version)}
              >
                {t('cms.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDateTime, formatNumber, formatPercent } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import {
  fileProblem,
  importApi,
  isRunning,
  uploadImport,
  type ImportDetail,
  type ImportView,
} from '../imports/api.ts';
import { showToast } from '../toast.ts';

/** How often a running import is asked for its progress. */
const POLL_MS = 700;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'running'; importId: string }
  | { kind: 'done'; importId: string };

const statusKeys: Record<ImportView['status'], MessageKey> = {
  previewing: 'imports.statusPreviewing',
  previewed: 'imports.statusPreviewed',
  committing: 'imports.statusCommitting',
  committed: 'imports.statusCommitted',
  failed: 'imports.statusFailed',
};

function Progress({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="progress-block" role="status" aria-live="polite">
      <p>{label}</p>
      <progress max={100} value={percent} aria-label={label}>
        {percent}%
      </progress>
    </div>
  );
}

/** Polls an import while it runs; stops once it is previewed, committed or failed. */
function useImport(
  importId: string | null,
  /** Changed to poll the same import again (after its commit started). */
  round: number,
  onSettled: (d: ImportDetail) => void,
) {
  const [detail, setDetail] = useState<ImportDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const settled = useEffectEvent(onSettled);
  useEffect(() => {
    if (!importId) return;
    let stop = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const d = await importApi.get(importId);
        if (stop) return;
        setDetail(d);
        setError(null);
        if (isRunning(d.status)) timer = window.setTimeout(() => void tick(), POLL_MS);
        else settled(d);
      } catch (e) {
        if (stop) return;
        setError(e);
        timer = window.setTimeout(() => void tick(), POLL_MS * 3);
      }
    };
    void tick();
    return () => {
      stop = true;
      window.clearTimeout(timer);
    };
  }, [importId, round]);
  return { detail: detail?.id === importId ? detail : null, error };
}

function Counts({ d }: { d: ImportDetail }) {
  const t = useT();
  const lang = useLang();
  const committed = d.status === 'committed' || d.status === 'committing';
  const rows: [MessageKey, number, string?][] = [
    ['imports.rowsTotal', d.counts.rowsTotal],
    [
      committed ? 'imports.rowsImported' : 'imports.rowsImportedPreview',
      d.counts.rowsImported,
      'count-good',
    ],
    ['imports.rowsDuplicate', d.counts.rowsDuplicate],
    ['imports.rowsRejected', d.counts.rowsRejected, d.counts.rowsRejected ? 'count-bad' : ''],
    ['imports.rowsWarned', d.counts.rowsWarned],
    ['imports.childrenMatched', d.counts.childrenMatched],
    ['imports.childrenCreated', d.counts.childrenCreated],
    ['imports.posyanduCreated', d.counts.posyanduCreated],
  ];
  return (
    <dl className="count-grid">
      {rows.map(([key, value, tone]) => (
        <div key={key} className={tone}>
          <dt>{t(key)}</dt>
          <dd>{formatNumber(value, lang)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Issues({ d }: { d: ImportDetail }) {
  const t = useT();
  const lang = useLang();
  if (d.issues.length === 0) return null;
  return (
    <section aria-labelledby="issues-title">
      <h3 id="issues-title">{t('imports.issuesTitle')}</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="issues-title">
        <table className="issues-table">
          <thead>
            <tr>
              <th scope="col">{t('imports.row')}</th>
              <th scope="col">{t('imports.column')}</th>
              <th scope="col">{t('imports.severity')}</th>
              <th scope="col">{t('imports.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {d.issues.map((issue, i) => (
              <tr key={`${issue.row}-${issue.column ?? ''}-${i}`}>
                <td className="num">{formatNumber(issue.row, lang)}</td>
                <td>{issue.column ?? '—'}</td>
                <td>
                  <span className={`badge badge-${issue.severity}`}>
                    {issue.severity === 'error' ? t('imports.error') : t('imports.warning')}
                  </span>
                </td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.counts.issuesStored > d.issues.length && (
        <p className="hint">
          {t('imports.issuesMore', {
            shown: formatNumber(d.issues.length, lang),
            total: formatNumber(d.counts.issuesStored, lang),
          })}
        </p>
      )}
    </section>
  );
}

function Columns({ d }: { d: ImportDetail }) {
  const t = useT();
  if (!d.columns?.length) return null;
  return (
    <details className="columns-box">
      <summary>{t('imports.columnsTitle')}</summary>
      <ul>
        {d.columns.map((c) => (
          <li key={c.header}>
            <strong>{c.header}</strong>:{' '}
            {c.status === 'recognised'
              ? t('imports.columnRecognised', { field: c.field ?? '' })
              : c.status === 'ignored'
                ? t('imports.columnIgnored')
                : t('imports.columnUnknown')}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The result of one import: counts, problems, the report, and the commit of a preview. */
function ImportResult({
  d,
  onCommit,
  committing,
  onAnother,
}: {
  d: ImportDetail;
  onCommit: () => void;
  committing: boolean;
  onAnother: () => void;
}) {
  const t = useT();
  const lang = useLang();
  if (d.status === 'failed')
    return (
      <section className="card import-result" aria-labelledby="result-title">
        <h2 id="result-title">{t('imports.failedTitle', { file: d.fileName })}</h2>
        <div role="alert" className="notice notice-error">
          <p>{d.error?.message}</p>
        </div>
        <button type="button" className="button" onClick={onAnother}>
          {t('imports.anotherFile')}
        </button>
      </section>
    );
  const preview = d.status === 'previewed' || d.status === 'previewing';
  return (
    <section className="card import-result" aria-labelledby="result-title">
      <h2 id="result-title">
        {t(preview ? 'imports.previewTitle' : 'imports.resultTitle', { file: d.fileName })}
      </h2>
      {isRunning(d.status) && (
        <Progress
          label={t(d.status === 'committing' ? 'imports.committing' : 'imports.checking', {
            percent: formatPercent(d.progress.percent, lang, 0),
          })}
          fraction={d.progress.percent / 100}
        />
      )}
      <Counts d={d} />
      <Columns d={d} />
      <Issues d={d} />
      <p className="button-row">
        <a className="button" href={importApi.reportUrl(d.id)} download>
          {t('imports.report')}
        </a>
        {d.status === 'previewed' &&
          (d.counts.rowsImported > 0 ? (
            <button
              type="button"
              className="button button-primary"
              disabled={committing}
              onClick={onCommit}
            >
              {t('imports.commit', { count: formatNumber(d.counts.rowsImported, lang) })}
            </button>
          ) : (
            <span className="hint">{t('imports.nothingToImport')}</span>
          ))}
        {!isRunning(d.status) && (
          <button type="button" className="button" onClick={onAnother}>
            {t('imports.anotherFile')}
          </button>
        )}
      </p>
    </section>
  );
}

function History({ version, onOpen }: { version: number; onOpen: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  const list = useApi(String(version), (_key, signal) => importApi.list(signal));
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('imports.historyTitle')}</h2>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 && <p className="hint">{t('imports.historyEmpty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="history-title">
          <table className="imports-table">
            <thead>
              <tr>
                <th scope="col">{t('imports.when')}</th>
                <th scope="col">{t('imports.file')}</th>
                <th scope="col">{t('imports.who')}</th>
                <th scope="col">{t('imports.status')}</th>
                <th scope="col">{t('imports.counts')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('imports.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id}>
                  <td className="nowrap">{formatDateTime(b.committedAt ?? b.createdAt, lang)}</td>
                  <td>{b.fileName}</td>
                  <td>{b.actorEmail ?? '—'}</td>
                  <td>{t(statusKeys[b.status])}</td>
                  <td className="num nowrap">
                    {formatNumber(b.counts.rowsImported, lang)} /{' '}
                    {formatNumber(b.counts.rowsDuplicate, lang)} /{' '}
                    {formatNumber(b.counts.rowsRejected, lang)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onOpen(b.id)}
                    >
                      {t('imports.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ExportSection() {
  const t = useT();
  const ids = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = { from: from || undefined, to: to || undefined };
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('imports.exportTitle')}</h2>
      <p className="hint">{t('imports.exportIntro')}</p>
      <h3>{t('imports.exportChildren')}</h3>
      <p className="button-row">
        <a className="button" href={importApi.exportUrl('children', 'csv')} download>
          {t('imports.downloadCsv')}
        </a>
        <a className="button" href={importApi.exportUrl('children', 'xlsx')} download>
          {t('imports.downloadXlsx')}
        </a>
      </p>
      <h3>{t('imports.exportMeasurements')}</h3>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${ids}-from`}>{t('imports.exportFrom')}</label>
          <input
            id={`${ids}-from`}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('imports.exportTo')}</label>
          <input id={`${ids}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <p className="button-row">
        <a className="button" href={importApi.exportUrl('measurements', 'csv', range)} download>
          {t('imports.downloadCsv')}
        </a>
        <a className="button" href={importApi.exportUrl('measurements', 'xlsx', range)} download>
          {t('imports.downloadXlsx')}
        </a>
      </p>
    </section>
  );
}

/**
 * Import of e-PPGBM-style registers (CSV/XLSX) for users who may write records: choose a file,
 * upload with progress, the preview (counts and the first problems by row and column), commit
 * with progress, the per-row report, the earlier imports, templates; and the scope's export.
 */
export default function ImportPage() {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sheet, setSheet] = useState('');
  const [version, setVersion] = useState(0);
  const [committing, setCommitting] = useState(false);
  const importId = phase.kind === 'running' || phase.kind === 'done' ? phase.importId : null;
  const [round, setRound] = useState(0);
  const current = useImport(importId, round, (d) => {
    setPhase({ kind: 'done', importId: d.id });
    setCommitting(false);
    setVersion((v) => v + 1);
    if (d.status === 'committed')
      showToast(
        t('imports.done', { file: d.fileName, count: formatNumber(d.counts.rowsImported, lang) }),
      );
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setProblem(t('imports.noFile'));
    const wrong = fileProblem(file);
    if (wrong) return setProblem(t(wrong === 'type' ? 'imports.wrongType' : 'imports.emptyFile'));
    setProblem(null);
    setPhase({ kind: 'uploading', fraction: 0 });
    try {
      const batch = await uploadImport(
        file,
        { dryRun: true, sheet: sheet.trim() || undefined },
        (f) => setPhase({ kind: 'uploading', fraction: f }),
      );
      setPhase({ kind: 'running', importId: batch.id });
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e);
      setPhase({ kind: 'idle' });
    }
  }

  async function commit() {
    if (!importId) return;
    setCommitting(true);
    setError(null);
    try {
      await importApi.commit(importId);
      // Poll again: the same import, now committing.
      setPhase({ kind: 'running', importId });
      setRound((r) => r + 1);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e);
      setCommitting(false);
    }
  }

  function another() {
    setPhase({ kind: 'idle' });
    setError(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  const detail = current.detail;

  return (
    <>
      <PageHeading>{t('imports.title')}</PageHeading>
      <p>{t('imports.intro')}</p>
      <p className="button-row">
        <span className="hint">{t('imports.templates')}:</span>
        <a className="button button-small" href={importApi.templateUrl('csv')} download>
          {t('imports.templateCsv')}
        </a>
        <a className="button button-small" href={importApi.templateUrl('xlsx')} download>
          {t('imports.templateXlsx')}
        </a>
      </p>

      {(phase.kind === 'idle' || phase.kind === 'uploading') && (
        <form className="form card import-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
          <div className="field">
            <label htmlFor={`${ids}-file`}>{t('imports.chooseFile')}</label>
            <input
              id={`${ids}-file`}
              ref={fileRef}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${ids}-file-problem`}
              onChange={() => setProblem(null)}
            />
            <p
              id={`${ids}-file-problem`}
              className="field-error"
              role={problem ? 'alert' : undefined}
            >
              {problem && (
                <>
                  <StatusIcon kind="warning" /> {problem}
                </>
              )}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-sheet`}>{t('imports.sheet')}</label>
            <input
              id={`${ids}-sheet`}
              type="text"
              value={sheet}
              onChange={(e) => setSheet(e.target.value)}
            />
          </div>
          {phase.kind === 'uploading' ? (
            <Progress
              label={t('imports.uploading', {
                percent: formatPercent(phase.fraction * 100, lang, 0),
              })}
              fraction={phase.fraction}
            />
          ) : (
            <button type="submit" className="button button-primary button-big">
              {t('imports.preview')}
            </button>
          )}
        </form>
      )}
      <ErrorMessage error={error ?? current.error} />
      {detail && (
        <ImportResult
          d={detail}
          onCommit={() => void commit()}
          committing={committing}
          onAnother={another}
        />
      )}

      <History version={version} onOpen={(id) => setPhase({ kind: 'done', importId: id })} />
      <ExportSection />
    </>
  );
}

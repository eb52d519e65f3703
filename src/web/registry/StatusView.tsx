import { completedMonthsBetween } from '../../core/growth/age.ts';
import { StatusIcon, type StatusIconKind } from '../components/StatusIcon.tsx';
import { formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import type { ChildSummary, MeasurementView } from './api.ts';
import {
  categoryLabel,
  categoryTone,
  gainKey,
  gainTone,
  isSevere,
  type GrowthIndex,
  type GrowthStatus,
  type IndexStatus,
  type LiveStatus,
  type Tone,
} from './status.ts';

const toneIcon: Record<Tone, StatusIconKind> = {
  ok: 'ok',
  warning: 'warning',
  danger: 'danger',
  neutral: 'info',
};

const indexKeys: Record<GrowthIndex, MessageKey> = {
  heightForAge: 'status.heightForAge',
  weightForAge: 'status.weightForAge',
  weightForHeight: 'status.weightForHeight',
};

const indexShortKeys: Record<GrowthIndex, MessageKey> = {
  heightForAge: 'history.heightForAge',
  weightForAge: 'history.weightForAge',
  weightForHeight: 'history.weightForHeight',
};

/** One index's category as a coloured chip with icon and words; optionally its z-score. */
export function CategoryChip({
  index,
  value,
  withZ,
}: {
  index: GrowthIndex;
  value: IndexStatus;
  withZ?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  if (value.category === null && value.z === null) {
    return <span className="hint-inline">{t('common.none')}</span>;
  }
  const tone: Tone = value.implausible ? 'warning' : categoryTone(value.category);
  return (
    <span className={`chip chip-${tone}`}>
      <StatusIcon kind={toneIcon[tone]} />
      <span>
        <span className="visually-hidden">{t(indexShortKeys[index])}: </span>
        {value.implausible
          ? t('status.implausibleShort')
          : categoryLabel(index, value.category, lang)}
        {withZ && value.z !== null && (
          <span className="chip-z"> z {formatNumber(value.z, lang, 2)}</span>
        )}
      </span>
    </span>
  );
}

/** N/T/O/B as words with an arrow; 2T in red. */
export function GainChip({
  gain,
  twoT,
  short,
}: {
  gain: string | null;
  twoT: boolean;
  short?: boolean;
}) {
  const t = useT();
  if (gain === null) return <span className="hint-inline">{t('common.none')}</span>;
  const tone = twoT ? 'danger' : gainTone(gain);
  const icon: StatusIconKind =
    gain === 'N' ? 'up' : gain === 'T' ? 'down' : gain === 'B' ? 'new' : 'info';
  return (
    <span className={`chip chip-${tone}`}>
      <StatusIcon kind={icon} />
      <span>
        {twoT ? t('status.twoT') : t(gainKey(gain))}
        {short && <span className="chip-z"> ({twoT ? '2T' : gain})</span>}
      </span>
    </span>
  );
}

/**
 * The status of one measurement in large type: each index with icon, words and z-score, the
 * weight gain, and what to do (2T, severe values → refer; implausible → check again).
 */
export function StatusPanel({ status, ageDays }: { status: LiveStatus; ageDays: number }) {
  const t = useT();
  const lang = useLang();
  const rows: GrowthIndex[] = ['heightForAge', 'weightForHeight', 'weightForAge'];
  const refer = status.twoT || rows.some((index) => isSevere(status[index].category));
  return (
    <div className="status-panel">
      <ul className="status-rows">
        {rows.map((index) => {
          const value = status[index];
          if (value.z === null && value.category === null) return null;
          const tone: Tone = value.implausible ? 'warning' : categoryTone(value.category);
          return (
            <li key={index} className={`status-row tone-${tone}`}>
              <StatusIcon kind={toneIcon[tone]} className="status-row-icon" />
              <span className="status-row-index">{t(indexKeys[index])}</span>
              <span className="status-row-value">
                {value.implausible
                  ? t('status.implausibleShort')
                  : categoryLabel(index, value.category, lang)}
                {value.z !== null && (
                  <span className="status-row-z"> z {formatNumber(value.z, lang, 2)}</span>
                )}
              </span>
            </li>
          );
        })}
        {status.weightGain !== null && (
          <li className={`status-row tone-${status.twoT ? 'danger' : gainTone(status.weightGain)}`}>
            <StatusIcon
              kind={status.weightGain === 'N' ? 'up' : status.weightGain === 'T' ? 'down' : 'info'}
              className="status-row-icon"
            />
            <span className="status-row-index">{t('status.weightGain')}</span>
            <span className="status-row-value">
              {t(gainKey(status.weightGain))} ({status.weightGain})
            </span>
          </li>
        )}
      </ul>
      {ageDays >= 0 && status.heightForAge.z === null && status.weightForAge.z !== null && (
        <p className="hint">{t('status.addHeight')}</p>
      )}
      {status.implausible && (
        <p className="notice notice-warning status-note">
          <StatusIcon kind="warning" /> {t('status.implausibleNote')}
        </p>
      )}
      {status.twoT && (
        <p className="notice notice-error status-note">
          <StatusIcon kind="danger" /> {t('status.twoTNote')}
        </p>
      )}
      {refer && !status.twoT && (
        <p className="notice notice-error status-note">
          <StatusIcon kind="danger" /> {t('status.referNote')}
        </p>
      )}
    </div>
  );
}

/** A saved measurement's status as a line of chips (the last result above the form). */
export function SavedStatus({ status }: { status: GrowthStatus }) {
  return (
    <p className="chips">
      <CategoryChip index="heightForAge" value={status.heightForAge} />
      <CategoryChip index="weightForHeight" value={status.weightForHeight} />
      {categoryTone(status.weightForAge.category) !== 'ok' && (
        <CategoryChip index="weightForAge" value={status.weightForAge} />
      )}
      <GainChip gain={status.weightGain} twoT={status.twoT} />
    </p>
  );
}

/** Weight and length/height of a measurement, as measured. */
export function MeasurementFacts({ measurement: m }: { measurement: MeasurementView }) {
  const t = useT();
  const lang = useLang();
  const parts: string[] = [];
  if (m.weightKg !== null) parts.push(`${formatNumber(m.weightKg, lang)} kg`);
  if (m.heightCm !== null) {
    parts.push(
      `${formatNumber(m.heightCm, lang)} cm (${
        m.measure === 'h' ? t('history.standing') : t('history.lying')
      })`,
    );
  }
  return <p className="measurement-facts">{parts.join(' · ')}</p>;
}

/**
 * The roster's line for a child: when the last measurement was and what needs attention, e.g.
 * "Terakhir 3 Okt: Pendek · BB naik"; "Normal" when every index is in the normal range.
 */
export function SummaryStatus({ summary }: { summary: ChildSummary }) {
  const t = useT();
  const lang = useLang();
  if (!summary.lastMeasuredOn) return null;
  const items: { key: string; tone: Tone; icon: StatusIconKind; text: string }[] = [];
  const indices: [GrowthIndex, string | null][] = [
    ['heightForAge', summary.lastHeightForAge],
    ['weightForHeight', summary.lastWeightForHeight],
    ['weightForAge', summary.lastWeightForAge],
  ];
  for (const [index, code] of indices) {
    const tone = categoryTone(code);
    if (code === null || tone === 'ok') continue;
    items.push({ key: index, tone, icon: toneIcon[tone], text: categoryLabel(index, code, lang) });
  }
  if (items.length === 0 && indices.some(([, code]) => code !== null)) {
    items.push({ key: 'normal', tone: 'ok', icon: 'ok', text: t('status.allNormal') });
  }
  if (summary.lastWeightGain) {
    const twoT = summary.lastTwoT === true;
    items.push({
      key: 'gain',
      tone: twoT ? 'danger' : gainTone(summary.lastWeightGain),
      icon:
        summary.lastWeightGain === 'N' ? 'up' : summary.lastWeightGain === 'T' ? 'down' : 'info',
      text: twoT ? t('status.twoT') : t(gainKey(summary.lastWeightGain)),
    });
  }
  const months = completedMonthsBetween(summary.birthDate, summary.lastMeasuredOn);
  return (
    <span className="summary-status">
      <span className="summary-when">
        {t('registry.lastOn', { date: formatShortDate(summary.lastMeasuredOn, lang) })}
        <span className="visually-hidden">
          {' '}
          ({t('registry.ageMonths', { months: formatNumber(months, lang) })})
        </span>
        :
      </span>{' '}
      {items.map((item, i) => (
        <span key={item.key} className={`summary-item tone-${item.tone}`}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <StatusIcon kind={item.icon} />
          {item.text}
        </span>
      ))}
    </span>
  );
}

/**
 * The officer's own column mapping for one sheet: when header words are unusual, the officer says
 * which column holds what. Saved per workbook (host settings) and applied on the next validation.
 */
import { useState } from 'react';
import { Button, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { STRINGS, type Lang } from '../i18n';

/** Fields an officer may place by hand (their labels, as the forms write them, are in the string table). */
const FIELDS = ['no', 'name', 'objective', 'target', 'village', 'tambon', 'kpi', 'unit', 'agency', 'link', 'amount', 'year'];

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'minmax(120px, 1fr) 64px', gap: '4px 8px', alignItems: 'center', margin: '6px 0' },
  box: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, marginTop: '8px', paddingTop: '6px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

const LETTERS = /^[A-Z]{1,3}$/;

export interface ColumnMappingProps {
  lang: Lang;
  sheet: string;
  /** What the reader found (field → letter; budget years as "budget:2567"). */
  detected: Record<string, string>;
  /** The officer's saved mapping for this sheet, if any. */
  saved: Record<string, string> | undefined;
  onSave(mapping: Record<string, string> | undefined): void;
}

export function ColumnMapping({ lang, sheet, detected, saved, onSave }: ColumnMappingProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const [open, setOpen] = useState(false);
  const years = Object.keys({ ...detected, ...saved })
    .filter((k) => k.startsWith('budget:'))
    .sort();
  const fields = [
    ...FIELDS.map((key) => ({ key, label: t.mapFields[key] })),
    ...years.map((k) => ({ key: k, label: t.mapBudget(k.slice(7)) })),
  ];
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...detected, ...saved }));

  if (!open)
    return (
      <Button
        size="small"
        appearance="subtle"
        onClick={() => {
          // Start from what the sheet shows now (it may have been validated again since).
          setDraft({ ...detected, ...saved });
          setOpen(true);
        }}
        data-testid="map-columns"
      >
        {t.mapColumns}
        {saved ? t.mapSet : ''}
      </Button>
    );

  const bad = Object.values(draft).some((v) => v !== '' && !LETTERS.test(v));
  return (
    <div className={styles.box} data-testid="column-mapping" data-sheet={sheet}>
      <Text size={200} block>
        {t.mapHint}
      </Text>
      <div className={styles.grid}>
        {fields.map((f) => (
          <label key={f.key} style={{ display: 'contents' }}>
            <Text size={200}>{f.label}</Text>
            <Input
              size="small"
              value={draft[f.key] ?? ''}
              data-field={f.key}
              aria-label={f.label}
              onChange={(_, d) => setDraft({ ...draft, [f.key]: d.value.trim().toUpperCase() })}
            />
          </label>
        ))}
      </div>
      <div className={styles.row}>
        <Button
          size="small"
          appearance="primary"
          disabled={bad}
          data-testid="save-mapping"
          onClick={() => {
            // The officer's mapping: what was saved before (unless blanked) and what now differs from the
            // header. `detected` already includes the saved mapping, so saved fields are kept explicitly.
            const own = Object.fromEntries(
              Object.entries(draft).filter(([k, v]) => v !== '' && ((saved && k in saved) || v !== detected[k])),
            );
            onSave(Object.keys(own).length ? own : undefined);
            setOpen(false);
          }}
        >
          {t.mapSave}
        </Button>
        {saved && (
          <Button size="small" onClick={() => (onSave(undefined), setOpen(false))} data-testid="reset-mapping">
            {t.mapReset}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          {t.mapClose}
        </Button>
      </div>
    </div>
  );
}

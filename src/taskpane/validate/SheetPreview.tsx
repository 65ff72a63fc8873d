/**
 * Browser-mode sheet preview: an HTML table of one sheet, merged cells as rowSpan/colSpan, cells with
 * findings coloured by severity, the selected cell outlined and scrolled into view. Each cell carries
 * data-cell="B15" (tests and the finding list address cells by it).
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { a1, colLetter, parseA1, type SheetModel } from '../../engine/model';
import type { Finding, Severity } from '../../engine/findings';

export const MAX_PREVIEW_ROWS = 400;
const MAX_PREVIEW_COLS = 40;

export const SEVERITY_FILL: Record<Severity, string> = { error: '#fde7e9', warning: '#fff4ce', info: '#e5f1fb' };
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

const useStyles = makeStyles({
  wrap: {
    overflow: 'auto',
    maxHeight: '420px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // max-content: the preview scrolls sideways instead of squeezing columns to a letter each.
  table: { borderCollapse: 'collapse', fontSize: '11px', lineHeight: '1.3', width: 'max-content' },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: 'normal',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    zIndex: 1,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    textAlign: 'right',
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    verticalAlign: 'top',
    whiteSpace: 'pre-wrap',
    maxWidth: '180px',
    minWidth: '56px',
    // Thai wraps at word boundaries (the browser's ICU); numbers never break inside.
    overflowWrap: 'break-word',
  },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    '@media (forced-colors: active)': { outline: '3px solid Highlight' },
  },
  // High contrast drops the severity fills: a flagged cell keeps a dashed frame.
  flagged: { '@media (forced-colors: active)': { outline: '1px dashed CanvasText', outlineOffset: '-3px' } },
  wrapFocus: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

export interface SheetPreviewProps {
  sheet: SheetModel;
  findings: Finding[];
  /** Selected cell address ("B15"), or null. */
  selected: string | null;
  /** The scrolling box's name for screen readers ("Sheet preview: ผ.02"). */
  label?: string;
}

interface MergeInfo {
  /** top-left address → spans */
  anchors: Map<string, { rowSpan: number; colSpan: number }>;
  /** covered (non-anchor) address → anchor address */
  covered: Map<string, string>;
}

function mergeInfo(sheet: SheetModel): MergeInfo {
  const anchors = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Map<string, string>();
  for (const m of sheet.merges) {
    const top = a1(m.r1, m.c1);
    anchors.set(top, { rowSpan: m.r2 - m.r1 + 1, colSpan: m.c2 - m.c1 + 1 });
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.set(a1(r, c), top);
  }
  return { anchors, covered };
}

function extent(sheet: SheetModel): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] && row[c]!.w !== '') {
        rows = r + 1;
        cols = Math.max(cols, c + 1);
        break;
      }
    }
  });
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.r2 + 1);
    cols = Math.max(cols, m.c2 + 1);
  }
  return { rows, cols: Math.min(cols, MAX_PREVIEW_COLS) };
}

/** The cell a finding's address shows in (merged cells show at their top-left). */
export function visibleAddress(sheet: SheetModel, address: string): string {
  return mergeInfo(sheet).covered.get(address) ?? address;
}

export const SheetPreview = memo(function SheetPreview({ sheet, findings, selected, label }: SheetPreviewProps) {
  const styles = useStyles();
  const wrapRef = useRef<HTMLDivElement>(null);
  const merges = useMemo(() => mergeInfo(sheet), [sheet]);
  const size = useMemo(() => extent(sheet), [sheet]);

  const worst = useMemo(() => {
    const m = new Map<string, Severity>();
    for (const f of findings) {
      if (f.row == null || !f.column) continue;
      const addr = merges.covered.get(`${f.column}${f.row}`) ?? `${f.column}${f.row}`;
      const prev = m.get(addr);
      if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) m.set(addr, f.severity);
    }
    return m;
  }, [findings, merges]);

  const selectedVisible = selected ? (merges.covered.get(selected) ?? selected) : null;
  const selRow = selectedVisible ? (parseA1(selectedVisible)?.r ?? 0) + 1 : 0;
  const rowCount = Math.max(Math.min(size.rows, MAX_PREVIEW_ROWS), Math.min(selRow, size.rows + 1));
  const truncated = size.rows > rowCount;

  useEffect(() => {
    if (!selectedVisible || !wrapRef.current) return;
    const el = wrapRef.current.querySelector<HTMLElement>(`[data-cell="${selectedVisible}"]`);
    el?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'auto' });
  }, [selectedVisible, sheet]);

  const header = [];
  for (let c = 0; c < size.cols; c++)
    header.push(
      <th key={c} className={styles.head} scope="col">
        {colLetter(c)}
      </th>,
    );

  const body = [];
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r];
    const tds = [];
    for (let c = 0; c < size.cols; c++) {
      const addr = a1(r, c);
      if (merges.covered.has(addr)) continue;
      const span = merges.anchors.get(addr);
      const cell = row?.[c];
      const sev = worst.get(addr);
      const isSel = addr === selectedVisible;
      const cls = [styles.cell];
      if (cell?.t === 'n') cls.push(styles.num);
      if (isSel) cls.push(styles.selected);
      if (sev) cls.push(styles.flagged);
      tds.push(
        <td
          key={c}
          data-cell={addr}
          data-severity={sev}
          data-selected={isSel ? 'true' : undefined}
          className={cls.join(' ')}
          rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
          colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
          style={sev ? { backgroundColor: SEVERITY_FILL[sev] } : undefined}
          title={cell?.f ? `=${cell.f}` : undefined}
        >
          {cell?.w ?? ''}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th className={styles.rowHead} scope="row">
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }

  return (
    // The box scrolls on its own (wide sheets at pane width): keyboard users reach it with Tab.
    <div
      ref={wrapRef}
      className={`${styles.wrap} ${styles.wrapFocus}`}
      data-truncated={truncated ? 'true' : undefined}
      role="region"
      aria-label={label ?? sheet.name}
      tabIndex={0}
    >
      <table className={styles.table} data-testid="sheet-preview" data-sheet={sheet.name}>
        <thead>
          <tr>
            <th className={styles.head} />
            {header}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
});

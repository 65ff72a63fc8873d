/**
 * The previous-output picker (browser): a drop zone for last run's file, the line saying which one is
 * picked, and a button to stop using it. Test ids `${id}-previous-drop|choose|input|clear` and
 * `${id}-previous` (the status line).
 */
import { Button } from '@fluentui/react-components';
import { FileDrop } from './FileDrop';

export interface PreviousPickerProps {
  id: string;
  hint: string;
  chooseLabel: string;
  clearLabel: string;
  /** Which file is picked, or that none is. */
  status: string;
  picked: boolean;
  disabled: boolean;
  onPick(file: File): void;
  onClear(): void;
}

export function PreviousPicker(p: PreviousPickerProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <FileDrop
        hint={p.hint}
        chooseLabel={p.chooseLabel}
        onFiles={(f) => f[0] && p.onPick(f[0])}
        disabled={p.disabled}
        status={p.status}
        testIds={{
          zone: `${p.id}-previous-drop`,
          choose: `${p.id}-previous-choose`,
          input: `${p.id}-previous-input`,
          status: `${p.id}-previous`,
        }}
      />
      {p.picked && (
        <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Button size="small" appearance="subtle" onClick={p.onClear} disabled={p.disabled} data-testid={`${p.id}-previous-clear`}>
            {p.clearLabel}
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * The drop zone with its "choose file" button (and, for the plan, "try the sample"), written once for
 * every panel that takes files. Any file goes on to the reader, which says what it is; the hidden
 * input is reached through the button, so keyboard users get a real, labelled control.
 */
import { useRef, useState, type DragEvent } from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { PICK_ACCEPT } from '../host/host';

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '10px',
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    alignItems: 'center',
    minWidth: 0,
  },
  active: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    '@media (forced-colors: active)': { border: '2px solid Highlight' },
  },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', justifyContent: 'center' },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface FileDropProps {
  hint: string;
  chooseLabel: string;
  onFiles(files: File[]): void;
  multiple?: boolean;
  disabled?: boolean;
  /** "Try the sample" button (the plan pickers). */
  sample?: { label: string; onClick(): void; testId: string };
  /** A line under the buttons (which file is loaded). */
  status?: string;
  accept?: string;
  testIds: { zone: string; choose: string; input: string; status?: string };
}

export function FileDrop(props: FileDropProps) {
  const { hint, chooseLabel, onFiles, multiple, disabled, sample, status, testIds } = props;
  const styles = useStyles();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      className={mergeClasses(styles.drop, over && styles.active)}
      data-testid={testIds.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Text size={200}>{hint}</Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => input.current?.click()} disabled={disabled} data-testid={testIds.choose}>
          {chooseLabel}
        </Button>
        {sample && (
          <Button size="small" appearance="subtle" onClick={sample.onClick} disabled={disabled} data-testid={sample.testId}>
            {sample.label}
          </Button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={props.accept ?? PICK_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testIds.input}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      {status !== undefined && (
        <span className={styles.status} data-testid={testIds.status}>
          {status}
        </span>
      )}
    </div>
  );
}

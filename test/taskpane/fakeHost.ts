/** A Host for pane tests: an in-memory plan file, settings in a Map, downloads and written sheets recorded. */
import type { WorkbookModel } from '../../src/engine/model';
import type { OutSheet } from '../../src/engine/output';
import type { Host, PlanFile } from '../../src/taskpane/host/host';

export interface FakeHost extends Host {
  downloads: Array<{ name: string; data: Uint8Array | string; mime?: string }>;
  written: OutSheet[];
  settings: Map<string, string>;
}

export function fakeHost(
  opts: { excel?: boolean; workbook?: WorkbookModel; read?: (bytes: Uint8Array, name: string) => WorkbookModel } = {},
): FakeHost {
  let current: WorkbookModel | null = opts.workbook ?? null;
  const listeners = new Set<() => void>();
  const set = (wb: WorkbookModel | null) => {
    current = wb;
    for (const l of listeners) l();
  };
  const read = async (bytes: Uint8Array, name: string) => {
    if (!opts.read) throw Object.assign(new Error(`อ่าน ${name} ไม่ได้`), { messageEn: `Cannot read ${name}` });
    return opts.read(bytes, name);
  };
  const planFile: PlanFile = {
    get current() {
      return current;
    },
    watch: (l) => (listeners.add(l), () => void listeners.delete(l)),
    load: async (file) => {
      try {
        const wb = await read(new Uint8Array(await file.arrayBuffer()), file.name);
        set(wb);
        return wb;
      } catch (e) {
        set(null);
        throw e;
      }
    },
    loadSample: async () => {
      throw new Error('no sample here');
    },
  };
  const host: FakeHost = {
    mode: opts.excel ? 'excel' : 'browser',
    downloads: [],
    written: [],
    settings: new Map(),
    readWorkbook: async () => {
      if (!current) throw new Error('no file');
      return current;
    },
    readFile: read,
    download: (data, name, mime) => void host.downloads.push({ name, data, mime }),
    getSetting: async (k) => host.settings.get(k),
    setSetting: async (k, v) => void host.settings.set(k, v),
  };
  if (opts.excel)
    host.writeSheet = async (s) => {
      const replaced = host.written.some((w) => w.name === s.name) ? s.name : null;
      host.written.push(s);
      return { name: s.name, replaced };
    };
  else host.planFile = planFile;
  return host;
}

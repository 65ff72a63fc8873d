/** The pane's errors: what the officer reads (Thai and English), and a worker that could not start. */

/** An error with a Thai message and an English one (what the reader's WorkbookReadError carries). */
export class PaneError extends Error {
  constructor(
    message: string,
    public readonly messageEn: string,
    public readonly code = 'error',
  ) {
    super(message);
    this.name = 'PaneError';
  }
}

/** The worker script could not start or died: use the main thread. */
export class WorkerUnavailable extends Error {}

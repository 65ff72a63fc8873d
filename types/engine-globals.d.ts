/**
 * The web globals src/engine and src/xlsx may use, and only those (tsconfig.engine.json): they exist in
 * browsers, workers and Node alike. Anything else from the DOM, Node, Office or React fails to compile there.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare function structuredClone<T>(value: T): T;
declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare const performance: { now(): number };
/** What the engine reads of a cancel signal. */
interface AbortSignal {
  readonly aborted: boolean;
}

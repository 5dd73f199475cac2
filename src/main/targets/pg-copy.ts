import { once } from 'node:events';
import type { Client, Connection, Submittable } from 'pg';

// `pg` speaks the COPY sub-protocol (its Connection sends CopyData, CopyDone and
// CopyFail) but has no public API for COPY ... FROM STDIN; pg-copy-streams is the
// usual add-on. This is the small part of it Spoke needs: a query object that pg's
// client runs in turn, and that answers the server's CopyInResponse with the data.

type CopyConnection = Connection & {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY's text format: `\N` for null, backslash escapes for the rest. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : value;
}

class CopyIn implements Submittable {
  private rowCount = 0;
  private failed = false;

  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<string>,
    private readonly done: (error: Error | null, rows: number) => void,
  ) {}

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    void this.send(connection);
  }

  private async send(connection: CopyConnection): Promise<void> {
    try {
      for (const chunk of this.chunks) {
        if (this.failed) return;
        connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
        // Respect the socket's back-pressure rather than buffer the whole load in memory.
        if ((connection.stream as { writableNeedDrain?: boolean }).writableNeedDrain) {
          await once(connection.stream, 'drain');
        }
      }
      connection.endCopyFrom();
    } catch (error) {
      if (!this.failed) connection.sendCopyFail(`spoke: ${(error as Error).message}`);
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rowCount = Number(message.text?.split(' ')[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.done(null, this.rowCount);
  }

  handleError(error: Error): void {
    this.failed = true;
    this.done(error, 0);
  }

  // Messages a COPY FROM never gets; pg's client may still call these.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Runs `COPY ... FROM STDIN` (text format) with `chunks` as its data, each a run
 * of whole lines; resolves to the number of rows copied.
 */
export function copyFrom(client: Client, sql: string, chunks: Iterable<string>): Promise<number> {
  return new Promise((resolve, reject) => {
    client.query(new CopyIn(sql, chunks, (error, rows) => (error ? reject(error) : resolve(rows))));
  });
}

/** Joins lines into chunks of about `size` characters. */
export function* chunked(lines: Iterable<string>, size = 256 * 1024): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

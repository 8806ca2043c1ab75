/**
 * The one error type the importer throws for bad input. Its message is written for an
 * archivist: what is wrong, where (line when known) and what to do. Never a stack trace.
 */
export class ImportError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ImportError';
    this.line = line;
  }
}

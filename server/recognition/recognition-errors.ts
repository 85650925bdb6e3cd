/**
 * A file the engine cannot read as an invoice: the message is shown to the user as is (Chinese),
 * and the route answers it with a 400. Readers throw it; nothing is stored when they do.
 */
export class InvoiceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvoiceFileError';
  }
}

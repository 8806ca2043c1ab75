/** A finding the archivist should look at; never fatal. `line` is 1-based in the decoded file. */
export interface ImportWarning {
  /** stable machine code, e.g. "ocr-suspect", "duplicate-body", "province-ambiguous" */
  code: string;
  /** one sentence for a person */
  message: string;
  line?: number;
}

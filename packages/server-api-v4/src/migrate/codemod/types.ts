/** One place the codemod could not rewrite safely, with what to do. */
export interface MigrationNote {
  /** File path as given to the codemod. */
  readonly path: string
  /** 1-based line in the file as it was before the rewrite. */
  readonly line: number
  /** What to do there. */
  readonly message: string
}

/** One input file and its rewritten text. */
export interface MigratedFile {
  readonly path: string
  readonly before: string
  readonly after: string
  /** `before !== after`. */
  readonly changed: boolean
}

/** What {@link migrateSources} returns. */
export interface MigrationResult {
  readonly files: readonly MigratedFile[]
  /** Sorted by path, then line. */
  readonly notes: readonly MigrationNote[]
}

/** @internal A text replacement in one pass's input. */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/** @internal A note at a position of one pass's input. */
export interface PositionedNote {
  pos: number
  message: string
}

/** @internal What one rewrite pass produces. */
export interface PassOutput {
  edits: TextEdit[]
  notes: PositionedNote[]
}

import type { TextEdit } from './types'

/**
 * Applies non-overlapping edits (overlapping ones after the first are dropped) and returns the new
 * text with a function mapping a position of the new text back to the old one.
 * @internal
 */
export function applyEdits(
  text: string,
  edits: readonly TextEdit[],
): { text: string; toOld: (pos: number) => number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: TextEdit[] = []
  for (const edit of sorted) {
    const last = kept[kept.length - 1]
    if (last && edit.start < last.end) continue
    if (edit.text === text.slice(edit.start, edit.end)) continue
    kept.push(edit)
  }
  let out = ''
  let cursor = 0
  const spans: Array<{ oldStart: number; newStart: number; newEnd: number; delta: number }> = []
  let delta = 0
  for (const edit of kept) {
    out += text.slice(cursor, edit.start)
    const newStart = edit.start + delta
    out += edit.text
    spans.push({ oldStart: edit.start, newStart, newEnd: newStart + edit.text.length, delta })
    delta += edit.text.length - (edit.end - edit.start)
    cursor = edit.end
  }
  out += text.slice(cursor)
  const toOld = (pos: number) => {
    for (const span of spans) {
      if (pos < span.newStart) return pos - span.delta
      if (pos < span.newEnd) return span.oldStart
    }
    return pos - delta
  }
  return { text: out, toOld }
}

/** 1-based line of a position. @internal */
export function lineOf(text: string, pos: number): number {
  let line = 1
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Small console helpers so the tour reads as a story. */

let stepNumber = 0

/** Prints a numbered section heading. */
export function section(title: string): void {
  stepNumber++
  console.log(`\n${stepNumber}. ${title}`)
}

/** Prints one indented `label: value` line. */
export function line(label: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  console.log(`   ${label.padEnd(26)} ${text}`)
}

/** Prints an indented note. */
export function note(text: string): void {
  console.log(`   ${text}`)
}

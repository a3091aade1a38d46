/**
 * Text for a terminal with its control characters made visible: ESC, BEL, CR, backspace, DEL and
 * the C1 controls become `\x1b`-style escapes, so a name or value read from an input cannot move
 * the cursor, retitle the window or recolour what follows (issue 18, defect 9). Tab and newline
 * are layout and stay. CSV and JSON outputs keep their data as read; only text meant for a person
 * (table output, messages on stderr) goes through here.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

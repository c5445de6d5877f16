/**
 * Text made safe as HTML or XML content and attribute values: the five characters that markup
 * gives a meaning are written as references (&#39; rather than &apos;, which HTML 4 lacks).
 */
export function escapeMarkup(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

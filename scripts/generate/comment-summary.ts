/**
 * The one-line summary of a proto comment used for schema `description`s and doc comments:
 * its first sentence, with cross-reference links reduced to their text. Google's comments
 * often open with a marker sentence ("Required.", "Always present for WebhookRequest.");
 * markers are kept and the next sentence added, since a marker alone says nothing about
 * what the field is.
 */
const MARKER = /^(?:Required|Optional|Output only|Input only|Read-only|Immutable|Always present|Ignored)\b/;

/** A period that ends a sentence: followed by whitespace or the end, and not part of "e.g." / "i.e.". */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs))\.(?=\s|$)/g;

export function commentSummary(comment: string | null | undefined): string {
  if (!comment) return '';
  const text = comment
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [text][google.cloud.Foo] cross-references
    .replace(/^\s*- /gm, '') // markdown list bullets
    .replace(/\s+/g, ' ')
    .trim();
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + 1;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail !== '') sentences.push(tail);

  const summary: string[] = [];
  for (const sentence of sentences) {
    summary.push(sentence);
    if (!MARKER.test(sentence)) break;
  }
  return summary.join(' ');
}

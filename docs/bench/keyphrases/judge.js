// Judges key phrases with an independent part-of-speech tagger
// (compromise): reads the jsonl that `redline summarize --jsonl` writes,
// beside the texts it was given, and counts the key phrases that start or
// end on a word the tagger reads, in context, as a verb, an adverb or a
// function word.
// Usage: node judge.js TEXTS.jsonl RESULTS.jsonl [--list]
const fs = require('fs');
const nlp = require('compromise');

const [textsFile, resultsFile, list] = process.argv.slice(2);
const lines = (f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const texts = new Map(lines(textsFile).map((r) => [r.id, r.text]));
const badTags = ['Verb', 'Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Auxiliary', 'Modal', 'QuestionWord'];

// edgeTags returns the tags of the terms at the start and the end of the
// phrase's first occurrence in text.
function edgeTags(terms, text, phrase) {
  const at = text.indexOf(phrase);
  if (at < 0) return null;
  const end = at + phrase.length;
  const first = terms.find((t) => t.offset.start <= at && at < t.offset.start + t.offset.length);
  const last = terms.find((t) => t.offset.start < end && end <= t.offset.start + t.offset.length);
  if (!first || !last) return null;
  return [first, last];
}

// bad says why a term may not be a phrase's edge, or '' when it may. A
// gerund the tagger also reads as a noun ("spending", "meeting") may.
function bad(term) {
  const tags = term.tags;
  if (tags.includes('Noun') || tags.includes('ProperNoun')) return '';
  return badTags.find((t) => tags.includes(t)) || '';
}

let phrases = 0, badPhrases = 0, docs = 0, badDocs = 0, unplaced = 0;
const why = {};
for (const r of lines(resultsFile)) {
  const text = texts.get(r.id);
  if (text === undefined || !r.keywords) continue;
  const terms = nlp(text).json({ offset: true, terms: { offset: true } }).flatMap((s) => s.terms);
  docs++;
  let any = false;
  for (const k of r.keywords) {
    const edges = edgeTags(terms, text, k.text);
    if (!edges) { unplaced++; continue; }
    phrases++;
    const reason = bad(edges[0]) || bad(edges[1]);
    if (reason) {
      badPhrases++;
      any = true;
      why[reason] = (why[reason] || 0) + 1;
      if (list) console.log(`${r.id}\t${reason}\t${k.text}`);
    }
  }
  if (any) badDocs++;
}
console.log(JSON.stringify({ texts: docs, phrases, unplaced, bad_edge: badPhrases, bad_edge_share: +(badPhrases / phrases).toFixed(4),
  texts_with_one: +(badDocs / docs).toFixed(4), by_tag: why }));

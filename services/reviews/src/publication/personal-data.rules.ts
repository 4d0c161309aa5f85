import { parseIsoDate, type IsoDateParts } from '@scr/calendar';

/**
 * The publication check behind PERSONAL_DATA_IN_PUBLICATION: a published
 * review's public text must never contain a child's real name or date of
 * birth "in any common written form". This module only finds candidates; the
 * caller decides what to do with them. It is deliberately biased towards
 * flagging: a false positive costs an editor a second look, a false negative
 * publishes a child's identity.
 */

export interface ChildIdentityFacts {
  fullName: string;
  /** 'YYYY-MM-DD', or null when not known. */
  dateOfBirth: string | null;
}

export interface PersonalDataFinding {
  kind: 'NAME' | 'DATE_OF_BIRTH';
  /** Index of the child in the `children` argument. */
  childIndex: number;
  /** The matched text exactly as it appears in the input. */
  match: string;
}

/**
 * Every place `text` names one of `children` or gives their date of birth,
 * in the order they appear (findings at the same place in `children` order).
 * An empty array means the text is clean.
 *
 * Throws InvalidDateError (from @scr/calendar) for a dateOfBirth that is not a
 * real 'YYYY-MM-DD' date: if we cannot tell what to look for, the text cannot
 * be declared clean.
 */
export function findPersonalData(text: string, children: ChildIdentityFacts[]): PersonalDataFinding[] {
  const folded = foldText(text);
  const located: LocatedFinding[] = [];
  children.forEach((child, childIndex) => {
    for (const span of findNameSpans(folded.text, child.fullName)) {
      located.push({ kind: 'NAME', childIndex, ...span });
    }
    if (child.dateOfBirth !== null) {
      for (const span of findDateSpans(folded.text, parseIsoDate(child.dateOfBirth))) {
        located.push({ kind: 'DATE_OF_BIRTH', childIndex, ...span });
      }
    }
  });
  located.sort((a, b) => a.start - b.start || a.childIndex - b.childIndex);
  return located.map(({ kind, childIndex, start, end }) => ({
    kind,
    childIndex,
    match: originalSlice(folded, start, end),
  }));
}

/** A match as [start, end) offsets into the folded text. */
interface Span {
  start: number;
  end: number;
}

interface LocatedFinding extends Span {
  kind: PersonalDataFinding['kind'];
  childIndex: number;
}

// ---------------------------------------------------------------------------
// Folding: one canonical spelling to match against, mapped back to the input
// ---------------------------------------------------------------------------

// Typographic variants that mean the same as ' and - in names and dates, so
// that a name stored as O'Brien matches O’Brien in a word-processed report and
// 5–3–2014 (en dash) matches like 5-3-2014.
const APOSTROPHE_VARIANTS = /[\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u2032\uFF07]/g;
const DASH_VARIANTS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * NFKD splits accented letters into letter + combining mark and turns
 * compatibility forms (full-width digits, ligatures, superscript "ᵗʰ") into
 * plain ones. Dropping the marks makes the match accent-insensitive: a child
 * recorded as Zoë is also found when the report spells her Zoe (or ZOË).
 * Format characters (soft hyphen, zero-width space) are dropped because they
 * are invisible in the published document but would break up a name.
 */
function foldCharacter(ch: string): string {
  return ch
    .replace(APOSTROPHE_VARIANTS, "'")
    .replace(DASH_VARIANTS, '-')
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '');
}

function fold(s: string): string {
  return Array.from(s, foldCharacter).join('');
}

/**
 * The folded text, plus for each of its code units where the input character
 * it came from starts and ends, so a match can be reported in the input's own
 * spelling ("ZOË O’Brien", not "ZOE O'Brien").
 */
interface FoldedText {
  text: string;
  original: string;
  originalStart: number[];
  originalEnd: number[];
}

function foldText(original: string): FoldedText {
  let text = '';
  const originalStart: number[] = [];
  const originalEnd: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const folded = foldCharacter(ch);
    for (let i = 0; i < folded.length; i += 1) {
      originalStart.push(offset);
      originalEnd.push(offset + ch.length);
    }
    if (folded.length === 0 && originalEnd.length > 0) {
      // A dropped combining mark belongs to the letter before it: widen that
      // letter so "Zoe\u0308" is reported whole.
      originalEnd[originalEnd.length - 1] = offset + ch.length;
    }
    text += folded;
    offset += ch.length;
  }
  return { text, original, originalStart, originalEnd };
}

function originalSlice(folded: FoldedText, start: number, end: number): string {
  return folded.original.slice(folded.originalStart[start], folded.originalEnd[end - 1]);
}

function escapeRegExp(s: string): string {
  // Only the syntax characters: with the u flag an escaped '-' or quote is
  // itself a syntax error.
  return s.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&');
}

function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  return Array.from(text.matchAll(pattern));
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

// Word boundaries that understand more than ASCII (\b does not, even with the
// u flag: it would see a boundary inside "Zoë"). A name part must not touch a
// letter or digit on either side, so "Ann" is not found in "Annual" and "Al"
// not in "Alex". An apostrophe after a letter continues the word on the left
// ("Brien" is not found inside "O'Brien") but ends it on the right, so the
// possessive "Example's" is still found. A hyphen separates words, as in
// ordinary word boundaries: "Mary-Jane" is found for a child recorded as
// Mary Jane, at the cost of also flagging "Smith" within "Smith-Jones".
const NAME_START = String.raw`(?<![\p{L}\p{N}])(?<![\p{L}\p{N}]')`;
const NAME_END = String.raw`(?![\p{L}\p{N}])`;
/** What may stand between two parts of a name: spaces, line breaks, commas, full stops, hyphens. */
const BETWEEN_NAME_PARTS = /^[\s,.-]*$/u;

/** One word the name can be written with, and how it counts towards a full mention. */
interface NameWord {
  /** Identifies the part: parts spelled alike share a key, initials get their own. */
  key: string;
  pattern: string;
}

interface NameModel {
  words: NameWord[];
  /** How many times each key may appear in one mention (the name's parts, used once each). */
  available: Map<string, number>;
  /** Keys a mention must contain: the given name and the surname. */
  required: Map<string, number>;
}

/**
 * Splits a recorded name into given name, middle names and surname (null for
 * a name of one word). Records are normally "Given Middle Surname"; a comma
 * means "Surname, Given Middle".
 */
function nameParts(fullName: string): { given: string; middles: string[]; surname: string | null } | null {
  const words = (s: string) =>
    fold(s)
      .split(/[\s,]+/u)
      // Stray punctuation round a word ("(Alex)", "Jr.") is not part of the name.
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((w) => w.length > 0);
  const comma = fullName.indexOf(',');
  const surnames = comma >= 0 ? words(fullName.slice(0, comma)) : [];
  const givens = comma >= 0 ? words(fullName.slice(comma + 1)) : [];
  const inOrder = surnames.length > 0 && givens.length > 0 ? [...givens, ...surnames] : words(fullName);
  if (inOrder.length === 0) return null;
  if (inOrder.length === 1) return { given: inOrder[0], middles: [], surname: null };
  return { given: inOrder[0], middles: inOrder.slice(1, -1), surname: inOrder[inOrder.length - 1] };
}

/** How one part of a name may be written. */
function namePartPattern(part: string): string {
  return Array.from(part, (ch) => {
    // An apostrophe is often dropped or spaced: O'Brien, OBrien, O Brien.
    if (ch === "'") return String.raw`['\s]?`;
    // A double-barrelled name is often written with a space: Smith Jones.
    if (ch === '-') return String.raw`(?:\s*-\s*|\s+)`;
    if (ch === '.') return String.raw`\.?\s*`;
    return escapeRegExp(ch);
  }).join('');
}

function buildNameModel(fullName: string): NameModel | null {
  const parts = nameParts(fullName);
  if (!parts) return null;
  const words: NameWord[] = [];
  const available = new Map<string, number>();
  const add = (key: string, pattern: string) => {
    if (!available.has(key)) words.push({ key, pattern });
    available.set(key, (available.get(key) ?? 0) + 1);
  };
  const partKey = (part: string) => `part:${part.toLowerCase()}`;
  add(partKey(parts.given), namePartPattern(parts.given));
  for (const middle of parts.middles) {
    add(partKey(middle), namePartPattern(middle));
    // A middle name is often reduced to an initial: "Alex J. Example".
    const initial = Array.from(middle)[0];
    if (/\p{L}/u.test(initial)) add(`initial:${initial.toLowerCase()}`, `${escapeRegExp(initial)}\\.?`);
  }
  if (parts.surname !== null) add(partKey(parts.surname), namePartPattern(parts.surname));

  const required = new Map<string, number>();
  for (const part of parts.surname === null ? [parts.given] : [parts.given, parts.surname]) {
    required.set(partKey(part), (required.get(partKey(part)) ?? 0) + 1);
  }
  // Longest first, so "Smith-Jones" wins over "Smith" where both would fit.
  words.sort((a, b) => b.pattern.length - a.pattern.length);
  return { words, available, required };
}

/**
 * A mention is a run of the name's words in any order (surname first, with a
 * comma, across line breaks) that contains both the given name and the
 * surname and uses no part more often than the name has it.
 *
 * A given name alone ("Alex") is deliberately not a finding: common first
 * names occur throughout a report (professionals, other family members,
 * "Alex" as a pseudonym elsewhere) and flagging each would bury the real
 * problems. A surname alone is not a finding for the same reason. Middle
 * names and their initials may appear in a mention but are never enough
 * on their own. A name of a single word (a mononym) is found on its own.
 */
function isFullMention(model: NameModel, keys: string[]): boolean {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, count] of counts) {
    if (count > (model.available.get(key) ?? 0)) return false;
  }
  for (const [key, count] of model.required) {
    if ((counts.get(key) ?? 0) < count) return false;
  }
  return true;
}

function findNameSpans(text: string, fullName: string): Span[] {
  const model = buildNameModel(fullName);
  if (!model) return [];
  // One capture group per word, so a match says which word it was.
  const wordPattern = new RegExp(
    `${NAME_START}(?:${model.words.map((w) => `(${w.pattern})`).join('|')})${NAME_END}`,
    'giu',
  );
  const tokens = allMatches(wordPattern, text).map((m) => ({
    key: model.words[m.slice(1).findIndex((group) => group !== undefined)].key,
    start: m.index,
    end: m.index + m[0].length,
  }));

  // Group words that follow one another with only separators between them.
  const runs: (typeof tokens)[] = [];
  for (const token of tokens) {
    const run = runs[runs.length - 1];
    if (run && BETWEEN_NAME_PARTS.test(text.slice(run[run.length - 1].end, token.start))) run.push(token);
    else runs.push([token]);
  }

  // Within a run take the longest full mention from the left, then carry on
  // after it, so "Example, Alex Jordan" is one finding, not three.
  const maxWords = Array.from(model.available.values()).reduce((a, b) => a + b, 0);
  const spans: Span[] = [];
  for (const run of runs) {
    let i = 0;
    while (i < run.length) {
      let matchedUpTo = -1;
      for (let j = Math.min(run.length, i + maxWords) - 1; j >= i; j -= 1) {
        if (isFullMention(model, run.slice(i, j + 1).map((t) => t.key))) {
          matchedUpTo = j;
          break;
        }
      }
      if (matchedUpTo < 0) {
        i += 1;
      } else {
        spans.push({ start: run[i].start, end: run[matchedUpTo].end });
        i = matchedUpTo + 1;
      }
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

/** 5 is written "5" or "05"; 15 only "15". */
function dayOrMonthNumber(n: number): string {
  return n < 10 ? `0?${n}` : String(n);
}

/**
 * Every common way of writing the date, as one pattern.
 *
 * Numeric dates are read day first, as in UK usage: for 5 March 2014 we look
 * for 05/03/2014 and never 03/05/2014, which in a UK report means 3 May.
 * Year-first numbers (2014-03-05, 2014/3/5) are unambiguous and included.
 * A day and month without a year ("5 March") is not a finding: it is not a
 * date of birth on its own and would match every mention of that day.
 */
function dateOfBirthPattern({ year, month, day }: IsoDateParts): RegExp {
  const d = dayOrMonthNumber(day);
  const m = dayOrMonthNumber(month);
  const yyyy = String(year).padStart(4, '0');
  const yy = yyyy.slice(2);
  // "/", "-", "." or spaces, alone or with spaces round them.
  const numericSeparator = String.raw`(?:\s*[/.-]\s*|\s+)`;
  const ordinal = '(?:st|nd|rd|th)?';
  const monthName = String.raw`(?<!\p{L})(?:${MONTH_NAMES[month - 1].join('|')})\.?(?!\p{L})`;
  // Around a month name: "5 March, 2014", "05-Mar-2014", "05MAR14".
  const wordSeparator = String.raw`[\s,./-]*`;
  const forms = [
    // ISO 2014-03-05 and other year-first forms.
    `${yyyy}${numericSeparator}${m}${numericSeparator}${d}`,
    // 05/03/2014, 5.3.2014, 05 03 14.
    `${d}${numericSeparator}${m}${numericSeparator}(?:${yyyy}|${yy})`,
    // 5 March 2014, 5th of March, 2014, 05-Mar-14.
    `${d}${ordinal}(?:\\s*of)?${wordSeparator}${monthName}${wordSeparator}(?:${yyyy}|'?${yy})`,
    // March 5, 2014, Mar 5th 2014.
    `${monthName}${wordSeparator}${d}${ordinal}${wordSeparator}(?:${yyyy}|'?${yy})`,
  ];
  // No digit may touch either end: 5/3/2014 must not be found in 15/3/2014,
  // nor 5/3/20 in 5/3/2014.
  return new RegExp(`(?<!\\d)(?:${forms.join('|')})(?!\\d)`, 'giu');
}

function findDateSpans(text: string, dateOfBirth: IsoDateParts): Span[] {
  return allMatches(dateOfBirthPattern(dateOfBirth), text).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

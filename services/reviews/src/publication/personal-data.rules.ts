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
  /**
   * NAME: the name, or its given name or initial with the surname;
   * GIVEN_NAME: the given name alone as a capitalised word; DATE_OF_BIRTH.
   */
  kind: 'NAME' | 'GIVEN_NAME' | 'DATE_OF_BIRTH';
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
    const names = findNameSpans(folded.text, child.fullName);
    for (const span of names) located.push({ kind: 'NAME', childIndex, ...span });
    for (const span of findGivenNameSpans(folded.text, child.fullName, names)) located.push({ kind: 'GIVEN_NAME', childIndex, ...span });
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
  givenKey: string;
  /** The key of the given name's initial, or null when it does not start with a letter. */
  givenInitialKey: string | null;
  /** Null for a name of one word. */
  surnameKey: string | null;
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
  const [given, ...rest] = inOrder;
  if (given === undefined) return null;
  const surname = rest.pop();
  if (surname === undefined) return { given, middles: [], surname: null };
  return { given, middles: rest, surname };
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

const partKey = (part: string) => `part:${part.toLowerCase()}`;
const initialOf = (part: string) => {
  const first = Array.from(part)[0];
  return first && /\p{L}/u.test(first) ? first : null;
};

function buildNameModel(fullName: string): NameModel | null {
  const parts = nameParts(fullName);
  if (!parts) return null;
  const words: NameWord[] = [];
  const available = new Map<string, number>();
  const add = (key: string, pattern: string) => {
    if (!available.has(key)) words.push({ key, pattern });
    available.set(key, (available.get(key) ?? 0) + 1);
  };
  const addInitial = (part: string) => {
    const initial = initialOf(part);
    if (initial) add(`initial:${initial.toLowerCase()}`, `${escapeRegExp(initial)}\\.?`);
    return initial ? `initial:${initial.toLowerCase()}` : null;
  };
  add(partKey(parts.given), namePartPattern(parts.given));
  // "A. Hartley", "A Hartley": the given name's initial with the surname (not for a one-word name).
  const givenInitialKey = parts.surname !== null ? addInitial(parts.given) : null;
  for (const middle of parts.middles) {
    add(partKey(middle), namePartPattern(middle));
    // A middle name is often reduced to an initial: "Alex J. Example".
    addInitial(middle);
  }
  if (parts.surname !== null) add(partKey(parts.surname), namePartPattern(parts.surname));
  // Longest first, so "Smith-Jones" wins over "Smith" where both would fit.
  words.sort((a, b) => b.pattern.length - a.pattern.length);
  return {
    words,
    available,
    givenKey: partKey(parts.given),
    givenInitialKey,
    surnameKey: parts.surname === null ? null : partKey(parts.surname),
  };
}

/**
 * A mention is a run of the name's words in any order (surname first, with a
 * comma, across line breaks) that contains the surname and the given name or
 * its initial, and uses no part more often than the name has it.
 *
 * An initial with the surname is a mention only initial first ("A. Hartley")
 * or surname, comma, initial ("Hartley, A."): "the Hartley family. A review
 * found" is not. A surname alone is not a finding (a relative, a
 * professional may share it); the given name alone is reported separately
 * (GIVEN_NAME). Middle names and their initials may appear in a mention but
 * are never enough on their own. A name of a single word (a mononym) is
 * found on its own.
 */
function isFullMention(model: NameModel, tokens: { key: string; start: number; end: number }[], text: string): boolean {
  const counts = new Map<string, number>();
  for (const { key } of tokens) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, count] of counts) {
    if (count > (model.available.get(key) ?? 0)) return false;
  }
  const c = (key: string | null) => (key === null ? 0 : (counts.get(key) ?? 0));
  if (model.surnameKey === null) return c(model.givenKey) >= 1;
  if (c(model.surnameKey) < 1) return false;
  // Given name and surname spelled alike ("Smith Smith") need both words.
  const givens = model.givenKey === model.surnameKey ? c(model.givenKey) - 1 : c(model.givenKey);
  if (givens >= 1) return true;
  if (c(model.givenInitialKey) < 1) return false;
  const initialAt = tokens.findIndex((t) => t.key === model.givenInitialKey);
  const surnameAt = tokens.findIndex((t) => t.key === model.surnameKey);
  const initial = tokens[initialAt];
  const surname = tokens[surnameAt];
  // Both were counted above, so both are found; the check only satisfies the index type.
  if (!initial || !surname) return false;
  return initialAt < surnameAt || text.slice(surname.end, initial.start).includes(',');
}

function findNameSpans(text: string, fullName: string): Span[] {
  const model = buildNameModel(fullName);
  if (!model) return [];
  // One capture group per word, so a match says which word it was.
  const wordPattern = new RegExp(`${NAME_START}(?:${model.words.map((w) => `(${w.pattern})`).join('|')})${NAME_END}`, 'giu');
  const tokens = allMatches(wordPattern, text).map((m) => {
    const word = model.words[m.slice(1).findIndex((group) => group !== undefined)];
    if (!word) throw new Error('A name match without a word group: the name pattern is broken.');
    return { key: word.key, start: m.index, end: m.index + m[0].length };
  });

  // Group words that follow one another with only separators between them.
  const runs: (typeof tokens)[] = [];
  for (const token of tokens) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && BETWEEN_NAME_PARTS.test(text.slice(previous.end, token.start))) run.push(token);
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
        if (isFullMention(model, run.slice(i, j + 1), text)) {
          matchedUpTo = j;
          break;
        }
      }
      if (matchedUpTo < 0) {
        i += 1;
      } else {
        // i < run.length by the loop, and i <= matchedUpTo < run.length by the search above.
        spans.push({ start: run[i]!.start, end: run[matchedUpTo]!.end });
        i = matchedUpTo + 1;
      }
    }
  }
  return spans;
}

/**
 * The given name alone as a capitalised word ("Jane was seen", "JANE"),
 * outside the full mentions already found. In lower case it is an ordinary
 * word ("may", "grace") and is not reported. Not for a one-word name, which
 * is a full mention already.
 */
function findGivenNameSpans(text: string, fullName: string, mentions: Span[]): Span[] {
  const parts = nameParts(fullName);
  if (!parts || parts.surname === null) return [];
  const pattern = new RegExp(`${NAME_START}(?:${namePartPattern(parts.given)})${NAME_END}`, 'giu');
  return allMatches(pattern, text)
    .map((m) => ({ start: m.index, end: m.index + m[0].length }))
    .filter((span) => /^\p{Lu}/u.test(text.slice(span.start)))
    .filter((span) => !mentions.some((m) => span.start < m.end && m.start < span.end));
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

const UNITS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNIT_ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TEN_ORDINALS = ['', '', 'twentieth', 'thirtieth'];
/** Between the words of one number: "twenty-one", "twenty one". */
const NUMBER_WORD_GAP = String.raw`(?:\s*-\s*|\s+)`;

/** The word at `index` of a table of number words; a number outside the table is a bug in the caller. */
function wordAt(table: readonly string[], index: number): string {
  const word = table[index];
  if (word === undefined) throw new Error(`No number word for ${index}`);
  return word;
}

/** 1–99 in words: "nineteen", "twenty-one". */
function cardinalWords(n: number): string {
  if (n < 20) return wordAt(UNITS, n);
  const unit = n % 10;
  return unit ? `${TENS[Math.floor(n / 10)]}${NUMBER_WORD_GAP}${UNITS[unit]}` : wordAt(TENS, n / 10);
}

/** A day of the month in words: "fourteenth", "twenty-first", "thirtieth". */
function ordinalWords(day: number): string {
  if (day < 20) return wordAt(UNIT_ORDINALS, day);
  const unit = day % 10;
  return unit ? `${TENS[Math.floor(day / 10)]}${NUMBER_WORD_GAP}${UNIT_ORDINALS[unit]}` : wordAt(TEN_ORDINALS, day / 10);
}

/** A year in words, as people say it: "two thousand and nineteen", "twenty nineteen", "twenty oh five", "nineteen ninety-nine". */
function yearWords(year: number): string | null {
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (century < 10 || century > 99) return null;
  const forms: string[] = [];
  if (century % 10 === 0 && century >= 10) {
    // 2000–2009 and 2019 as "two thousand (and) ...".
    const thousands = UNITS[century / 10];
    forms.push(rest ? `${thousands}\\s+thousand(?:\\s+and)?\\s+${cardinalWords(rest)}` : `${thousands}\\s+thousand`);
  }
  const lead = cardinalWords(century);
  if (rest >= 10) forms.push(`${lead}\\s+${cardinalWords(rest)}`);
  else if (rest > 0) forms.push(`${lead}\\s+(?:oh|o|zero)\\s+${UNITS[rest]}`);
  else forms.push(`${lead}\\s+hundred`);
  return `(?:${forms.join('|')})`;
}

/**
 * Every common way of writing the date, as one pattern: digits in either
 * order of day and month (UK day first and US month first) or year first,
 * with any common separator or none ("20190514", "14052019"); the month by
 * name; the day and the year in words ("the fourteenth of May two thousand
 * and nineteen").
 *
 * Reading 03/05/2014 as 5 March too means a report that mentions 3 May 2014
 * is flagged for a child born on 5 March 2014: a second look for an editor,
 * never a published birth date. A day and month without a year ("5 March")
 * is not a finding: it is not a date of birth on its own and would match
 * every mention of that day.
 */
function dateOfBirthPattern({ year, month, day }: IsoDateParts): RegExp {
  const d = dayOrMonthNumber(day);
  const m = dayOrMonthNumber(month);
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const yyyy = String(year).padStart(4, '0');
  const yy = yyyy.slice(2);
  // "/", "-", "." or spaces, alone or with spaces round them.
  const numericSeparator = String.raw`(?:\s*[/.-]\s*|\s+)`;
  const ordinal = '(?:st|nd|rd|th)?';
  const monthNames = MONTH_NAMES[month - 1];
  if (!monthNames) throw new Error(`No month ${month}`);
  const monthName = String.raw`(?<!\p{L})(?:${monthNames.join('|')})\.?(?!\p{L})`;
  // The day as a number ("5", "5th") or in words ("fifth").
  const dayForm = String.raw`(?:${d}${ordinal}|(?<!\p{L})${ordinalWords(day)}(?!\p{L}))`;
  const words = yearWords(year);
  const yearForm = words ? String.raw`(?:${yyyy}|'?${yy}|(?<!\p{L})${words}(?!\p{L}))` : `(?:${yyyy}|'?${yy})`;
  // Around a month name: "5 March, 2014", "05-Mar-2014", "05MAR14".
  const wordSeparator = String.raw`[\s,./-]*`;
  const forms = [
    // ISO 2014-03-05 and other year-first forms.
    `${yyyy}${numericSeparator}${m}${numericSeparator}${d}`,
    // 05/03/2014, 5.3.2014, 05 03 14.
    `${d}${numericSeparator}${m}${numericSeparator}(?:${yyyy}|${yy})`,
    // Month first, as in the US: 03/05/2014.
    `${m}${numericSeparator}${d}${numericSeparator}(?:${yyyy}|${yy})`,
    // No separator: 20140305, 05032014, 03052014.
    `${yyyy}${mm}${dd}`,
    `${dd}${mm}${yyyy}`,
    `${mm}${dd}${yyyy}`,
    // 5 March 2014, 5th of March, 2014, 05-Mar-14, the fifth of March 2014.
    `${dayForm}(?:\\s*of)?${wordSeparator}${monthName}${wordSeparator}${yearForm}`,
    // March 5, 2014, Mar 5th 2014, March the fifth, 2014.
    `${monthName}${wordSeparator}(?:the\\s+)?${dayForm}${wordSeparator}${yearForm}`,
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

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------

/**
 * The ways a web address can spell words, for the same screen as prose:
 * as written, percent-decoded, with its punctuation (_ + / . - = & ? #) read
 * as spaces, and with camelCase split ("JaneHartley" is "Jane Hartley").
 */
export function urlReadings(url: string): string[] {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: screen the address as written.
  }
  const spaced = decoded.replace(/[_+/.=&?#:~-]+/g, ' ');
  const camel = spaced.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return [...new Set([url, decoded, spaced, camel])];
}

/**
 * Personal data in a web address: everything findPersonalData finds in any
 * reading of it, plus the given name and surname run together
 * ("janehartley", "hartleyjane"), which has no word boundary to find.
 * A match may be given as read, not as written.
 */
export function findPersonalDataInUrl(url: string, children: ChildIdentityFacts[]): PersonalDataFinding[] {
  const findings = findPersonalData(urlReadings(url).join('\n'), children);
  const squashed = fold(url)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  children.forEach((child, childIndex) => {
    const parts = nameParts(child.fullName);
    if (!parts || parts.surname === null) return;
    const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const given = squash(parts.given);
    const surname = squash(parts.surname);
    for (const joined of [given + surname, surname + given]) {
      if (given && surname && squashed.includes(joined)) findings.push({ kind: 'NAME', childIndex, match: joined });
    }
  });
  return findings;
}

import { InvalidDateError } from '@scr/calendar';
import { ChildIdentityFacts, findPersonalData, findPersonalDataInUrl, PersonalDataFinding } from '../personal-data.rules';

/** A child with a name and no date of birth, for the name tables. */
function named(fullName: string): ChildIdentityFacts {
  return { fullName, dateOfBirth: null };
}

/** A child whose name cannot occur in the date tables. */
function bornOn(dateOfBirth: string): ChildIdentityFacts {
  return { fullName: 'Quinbury Zedwardine', dateOfBirth };
}

function matches(text: string, child: ChildIdentityFacts, kind: PersonalDataFinding['kind']): string[] {
  return findPersonalData(text, [child])
    .filter((f) => f.kind === kind)
    .map((f) => f.match);
}

const alex = named('Alex Jordan Example');

describe('findPersonalData: names', () => {
  describe('the full name, in any order, case and spacing', () => {
    it.each([
      ['Alex Jordan Example', 'Alex Jordan Example'],
      ['Example Alex Jordan', 'Example Alex Jordan'],
      ['Example, Alex Jordan', 'Example, Alex Jordan'],
      ['Jordan Alex Example', 'Jordan Alex Example'],
      ['Alex Example Jordan', 'Alex Example Jordan'],
      ['Example Jordan Alex', 'Example Jordan Alex'],
      ['alex jordan example', 'alex jordan example'],
      ['ALEX JORDAN EXAMPLE', 'ALEX JORDAN EXAMPLE'],
      ['aLeX jOrDaN eXaMpLe', 'aLeX jOrDaN eXaMpLe'],
      ['Alex   Jordan    Example', 'Alex   Jordan    Example'],
      ['Alex\tJordan\tExample', 'Alex\tJordan\tExample'],
      ['Alex Jordan\nExample', 'Alex Jordan\nExample'],
      ['Alex\r\nJordan\r\n\r\nExample', 'Alex\r\nJordan\r\n\r\nExample'],
      ['Example,\n  Alex Jordan', 'Example,\n  Alex Jordan'],
      ['Example ,Alex Jordan', 'Example ,Alex Jordan'],
      ['Example,Alex,Jordan', 'Example,Alex,Jordan'],
      ['Alex\u00A0Jordan\u00A0Example', 'Alex\u00A0Jordan\u00A0Example'],
      ['EXAMPLE, Alex Jordan', 'EXAMPLE, Alex Jordan'],
    ])('finds %j', (text, expected) => {
      expect(matches(text, alex, 'NAME')).toEqual([expected]);
    });
  });

  describe('given name and surname without the middle names', () => {
    it.each([
      ['Alex Example', 'Alex Example'],
      ['Example Alex', 'Example Alex'],
      ['Example, Alex', 'Example, Alex'],
      ['example, ALEX', 'example, ALEX'],
      ['Alex\n\nExample', 'Alex\n\nExample'],
      ['Example.  Alex', 'Example.  Alex'],
      ['Alex J. Example', 'Alex J. Example'],
      ['Alex J Example', 'Alex J Example'],
      ['Example, Alex J.', 'Example, Alex J.'],
    ])('finds %j', (text, expected) => {
      expect(matches(text, alex, 'NAME')).toEqual([expected]);
    });
  });

  describe('with punctuation around it', () => {
    it.each([
      ['When Alex Example was seen on Monday.', 'Alex Example'],
      ['seen by the GP (Alex Example).', 'Alex Example'],
      ['"Alex Example" said', 'Alex Example'],
      ['\u201CAlex Example\u201D said', 'Alex Example'],
      ["'Alex Example' said", 'Alex Example'],
      ["Alex Example's school", 'Alex Example'],
      ['Alex Example\u2019s school', 'Alex Example'],
      ['the child, Alex Jordan Example, lived', 'Alex Jordan Example'],
      ['named: Example, Alex.', 'Example, Alex'],
      ['Alex Example; his brother', 'Alex Example'],
      ['-Alex Example-', 'Alex Example'],
      ['Subject:Alex Example', 'Alex Example'],
      ['[Alex Example]', 'Alex Example'],
    ])('finds the name in %j', (text, expected) => {
      expect(matches(text, alex, 'NAME')).toEqual([expected]);
    });
  });

  describe('what is not a full mention', () => {
    it.each([
      // A single given name is deliberately not a finding.
      ['Alex'],
      ['Alex was seen at school.'],
      ['ALEX'],
      // Nor a surname alone, or a title and surname.
      ['Example'],
      ['Mr Example and Ms Example attended.'],
      ['the Example family'],
      // Middle name without the given name, or without the surname.
      ['Jordan Example'],
      ['Example, Jordan'],
      ['Alex Jordan'],
      ['Jordan, Alex'],
      // An initial with the surname only initial first or after a comma.
      ['the Example family. A review found'],
      // Another initial.
      ['B. Example'],
      // Other words in between.
      ['Alex and Example'],
      ['Alex met Mr Example'],
      ['Alex; Example'],
      ['Alex: Example'],
      ['Alex (Example)'],
      // Longer or shorter words that contain the name.
      ['Alexander Example'],
      ['Alexa Example'],
      ['Alex Examples'],
      ['Alex Exampleton'],
      ['Lex Example'],
      ['Alex Xample'],
      ['Alex2 Example'],
      ['Alex Example2'],
      ['MacAlex Example'],
      // Word-internal apostrophe: "Example" inside "O'Example".
      ["Alex O'Example"],
      // Part of another double-barrelled surname.
      ['Alex Smith-Example'],
      // Middle initial that is not the child's.
      ['Alex K. Example'],
      // Pseudonyms only.
      ['Child A and Child B were known to services.'],
    ])('does not flag %j', (text) => {
      expect(matches(text, alex, 'NAME')).toEqual([]);
    });
  });

  describe('an initial with the surname', () => {
    it.each([
      ['A. Example', 'A. Example'],
      ['A Example', 'A Example'],
      ['A.Example', 'A.Example'],
      ['a example', 'a example'],
      ['A. J. Example', 'A. J. Example'],
      ['Example, A.', 'Example, A.'],
      ['EXAMPLE, A', 'EXAMPLE, A'],
      ['seen by A Example at school', 'A Example'],
    ])('finds %j', (text, expected) => {
      expect(matches(text, alex, 'NAME')).toEqual([expected]);
    });

    it('finds the initial of a given name that shares it with a middle name', () => {
      expect(matches('J Hartley', named('Jane Joy Hartley'), 'NAME')).toEqual(['J Hartley']);
    });

    it('does not take a middle initial for the given one', () => {
      expect(matches('J. Example', alex, 'NAME')).toEqual([]);
    });
  });

  describe('the given name alone, as a capitalised word', () => {
    it.each([
      ['Alex', ['Alex']],
      ['Alex was seen at school.', ['Alex']],
      ['ALEX', ['ALEX']],
      ["Alex's school", ['Alex']],
      ['Alex, a pseudonym chosen by the family, enjoyed school.', ['Alex']],
      ['Alex Jordan', ['Alex']],
      ['Alex and Example', ['Alex']],
      ['Alex K. Example', ['Alex']],
      ['Jordan, Alex', ['Alex']],
      ['When Alex moved, Alex Example changed school.', ['Alex']],
    ])('finds it in %j', (text, expected) => {
      expect(matches(text, alex, 'GIVEN_NAME')).toEqual(expected);
    });

    it.each([['alex'], ['an alex'], ['Alexander'], ['Jordan Example'], ['Alex Example'], ['Example, Alex Jordan']])(
      'does not report it in %j (lower case, another word, or inside a full mention)',
      (text) => {
        expect(matches(text, alex, 'GIVEN_NAME')).toEqual([]);
      },
    );

    it('is not reported for a one-word name (that is a full mention)', () => {
      expect(findPersonalData('Zephyr', [named('Zephyr')]).map((f) => f.kind)).toEqual(['NAME']);
    });

    it('finds "Jane" for Jane Hartley but not "jane" in a lower-case word run', () => {
      const jane = named('Jane Hartley');
      expect(matches('Jane was seen. Jane Hartley moved.', jane, 'GIVEN_NAME')).toEqual(['Jane']);
      expect(matches('Jane was seen. Jane Hartley moved.', jane, 'NAME')).toEqual(['Jane Hartley']);
      expect(matches('see jane-doe.pdf', jane, 'GIVEN_NAME')).toEqual([]);
    });
  });

  describe('word boundaries', () => {
    it.each([
      ['Al Ex', 'Alex', []],
      ['Al Ex', 'Alex was seen', []],
      ['Al Ex', 'al ex', ['al ex']],
      ['Al Ex', 'Ex, Al', ['Ex, Al']],
      ['Al Ex', 'Hal Ex', []],
      ['Al Ex', 'Al Exe', []],
      ['Ann Smith', 'Annual Smith review', []],
      ['Ann Smith', 'Ann Smithson', []],
      ['Ann Smith', 'Joann Smith', []],
      ['Ann Smith', 'Ann Smith', ['Ann Smith']],
      ['Ann Smith', 'Anna Smith', []],
      ['Anna Smith', 'Ann Smith', []],
      ['Anna Smith', 'Anna Smith', ['Anna Smith']],
      ['Ann Smith', 'Mary-Ann Smith', ['Ann Smith']],
    ])('name %j in %j finds %j', (fullName, text, expected) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual(expected);
    });
  });

  describe('apostrophes', () => {
    it.each([
      ["Siobhan O'Brien", "Siobhan O'Brien", "Siobhan O'Brien"],
      ["Siobhan O'Brien", 'Siobhan O\u2019Brien', 'Siobhan O\u2019Brien'],
      ['Siobhan O\u2019Brien', "Siobhan O'Brien", "Siobhan O'Brien"],
      ['Siobhan O\u2019Brien', 'Siobhan O\u2019Brien', 'Siobhan O\u2019Brien'],
      ["Siobhan O'Brien", 'Siobhan O\u2018Brien', 'Siobhan O\u2018Brien'],
      ["Siobhan O'Brien", 'Siobhan O\u02BCBrien', 'Siobhan O\u02BCBrien'],
      ["Siobhan O'Brien", 'Siobhan O`Brien', 'Siobhan O`Brien'],
      ["Siobhan O'Brien", "O'Brien, Siobhan", "O'Brien, Siobhan"],
      ["Siobhan O'Brien", "SIOBHAN O'BRIEN", "SIOBHAN O'BRIEN"],
      ["Siobhan O'Brien", "siobhan o'brien", "siobhan o'brien"],
      ["Siobhan O'Brien", "Siobhan O'Brien's", "Siobhan O'Brien"],
      ["Siobhan O'Brien", 'Siobhan OBrien', 'Siobhan OBrien'],
      ["Siobhan O'Brien", 'Siobhan O Brien', 'Siobhan O Brien'],
      ["D'Arcy Jones", 'Jones, D\u2019Arcy', 'Jones, D\u2019Arcy'],
    ])('name %j finds %j as %j', (fullName, text, expected) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual([expected]);
    });

    it.each([
      ["Siobhan O'Brien", 'Siobhan Brien'],
      ["Siobhan O'Brien", "Siobhan O'Briens"],
      ["Siobhan O'Brien", "Siobhan O'Brienne"],
      ["Siobhan O'Brien", "Siobhan A'Brien"],
      // "Brien" is not a word of its own inside "O'Brien".
      ['Siobhan Brien', "Siobhan O'Brien"],
      ['Siobhan Brien', 'Siobhan O\u2019Brien'],
    ])('name %j does not flag %j', (fullName, text) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual([]);
    });
  });

  describe('hyphens', () => {
    const sam = named('Sam Smith-Jones');

    it.each([
      ['Sam Smith-Jones', 'Sam Smith-Jones'],
      ['Smith-Jones, Sam', 'Smith-Jones, Sam'],
      ['SAM SMITH-JONES', 'SAM SMITH-JONES'],
      ['Sam Smith\u2013Jones', 'Sam Smith\u2013Jones'],
      ['Sam Smith\u2010Jones', 'Sam Smith\u2010Jones'],
      ['Sam Smith - Jones', 'Sam Smith - Jones'],
      ['Sam Smith Jones', 'Sam Smith Jones'],
      ["Sam Smith-Jones's", 'Sam Smith-Jones'],
      ['Sam\nSmith-Jones', 'Sam\nSmith-Jones'],
    ])('finds %j', (text, expected) => {
      expect(matches(text, sam, 'NAME')).toEqual([expected]);
    });

    it.each([['Sam Smith'], ['Sam Jones'], ['Sam SmithJones'], ['Sam Smith-Jonesy'], ['Sam Smyth-Jones']])('does not flag %j', (text) => {
      expect(matches(text, sam, 'NAME')).toEqual([]);
    });

    it.each([
      ['Mary-Jane Example', 'Mary-Jane Example', 'Mary-Jane Example'],
      ['Mary-Jane Example', 'Mary Jane Example', 'Mary Jane Example'],
      ['Mary Jane Example', 'Mary-Jane Example', 'Mary-Jane Example'],
    ])('name %j finds %j', (fullName, text, expected) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual([expected]);
    });

    it('does not flag the second half of a hyphenated given name with the surname alone', () => {
      expect(matches('Jane Example', named('Mary-Jane Example'), 'NAME')).toEqual([]);
    });
  });

  describe('accented letters', () => {
    const zoe = named('Zo\u00EB \u00C5ngstr\u00F6m');

    it.each([
      ['Zo\u00EB \u00C5ngstr\u00F6m', 'precomposed'],
      ['ZO\u00CB \u00C5NGSTR\u00D6M', 'upper case'],
      ['zo\u00EB \u00E5ngstr\u00F6m', 'lower case'],
      ['Zoe\u0308 A\u030Angstro\u0308m', 'decomposed (NFD)'],
      ['ZOE\u0308 A\u030ANGSTRO\u0308M', 'decomposed upper case'],
      ['\u00C5ngstr\u00F6m, Zo\u00EB', 'surname first'],
      ['Zoe Angstrom', 'without the accents'],
    ])('finds %j (%s) as written', (text) => {
      expect(matches(text, zoe, 'NAME')).toEqual([text]);
    });

    it('finds a precomposed name when the record is decomposed', () => {
      expect(matches('Zo\u00EB \u00C5ngstr\u00F6m', named('Zoe\u0308 A\u030Angstro\u0308m'), 'NAME')).toEqual(['Zo\u00EB \u00C5ngstr\u00F6m']);
    });

    it.each([
      ['S\u00F8ren \u00D8deg\u00E5rd', 'S\u00D8REN \u00D8DEG\u00C5RD'],
      ['S\u00F8ren \u00D8deg\u00E5rd', 's\u00F8ren \u00F8deg\u00E5rd'],
      ['\u0141ucja Wi\u015Bniewska', '\u0142UCJA WI\u015ANIEWSKA'],
      ['Jos\u00E9 N\u00FA\u00F1ez', 'N\u00DA\u00D1EZ, JOS\u00C9'],
    ])('name %j finds %j', (fullName, text) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual([text]);
    });

    it.each([['Zo\u00EBy \u00C5ngstr\u00F6m'], ['Zo\u00EB \u00C5ngstr\u00F6mer'], ['Zo \u00C5ngstr\u00F6m']])('does not flag %j', (text) => {
      expect(matches(text, zoe, 'NAME')).toEqual([]);
    });
  });

  describe('names of one word', () => {
    const zephyr = named('Zephyr');

    it.each([
      ['Zephyr', 'Zephyr'],
      ['ZEPHYR was seen', 'ZEPHYR'],
      ["Zephyr's mother", 'Zephyr'],
      ['(Zephyr)', 'Zephyr'],
    ])('finds the word alone in %j', (text, expected) => {
      expect(matches(text, zephyr, 'NAME')).toEqual([expected]);
    });

    it.each([['Zephyrs'], ['Zephyrine'], ['AZephyr']])('does not flag %j', (text) => {
      expect(matches(text, zephyr, 'NAME')).toEqual([]);
    });

    it('does not find "Ann" in "Annual"', () => {
      expect(matches('The Annual Report', named('Ann'), 'NAME')).toEqual([]);
    });
  });

  describe('recorded name forms', () => {
    it.each([
      ['Example, Alex Jordan', 'Alex Example', 'Alex Example'],
      ['Example, Alex Jordan', 'Alex Jordan Example', 'Alex Jordan Example'],
      ['  Alex   Example  ', 'Example, Alex', 'Example, Alex'],
      ['Alex (Jordan) Example', 'Alex Jordan Example', 'Alex Jordan Example'],
      ['Alex van der Berg', 'Alex van der Berg', 'Alex van der Berg'],
      ['Alex van der Berg', 'van der Berg, Alex', 'van der Berg, Alex'],
      ['Anna Anna Smith', 'Anna Anna Smith', 'Anna Anna Smith'],
      ['Anna Anna Smith', 'Smith, Anna', 'Smith, Anna'],
    ])('record %j finds %j', (fullName, text, expected) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual([expected]);
    });

    it.each([[''], ['   '], [', ']])('an empty name %j finds nothing', (fullName) => {
      expect(findPersonalData('Alex Example, Child A', [named(fullName)])).toEqual([]);
    });
  });

  describe('regular-expression characters in names are literal', () => {
    it.each([
      ['Al+ex Example', 'Al+ex Example', ['Al+ex Example']],
      ['Al+ex Example', 'Allex Example', []],
      ['Al+ex Example', 'Alllex Example', []],
      ['Ma*ry Example', 'Maaary Example', []],
      ['Ma*ry Example', 'Ma*ry Example', ['Ma*ry Example']],
      ['J.R Example', 'JXR Example', []],
      ['J.R Example', 'J.R Example', ['J.R Example']],
      ['J.R Example', 'J. R Example', ['J. R Example']],
      ['Jo(e Ex[a]mple', 'Jo(e Ex[a]mple', ['Jo(e Ex[a]mple']],
      ['Jo(e Ex[a]mple', 'Jo Example', []],
      ['Al|ex Ex^am$ple', 'Al Example', []],
      ['Al|ex Ex^am$ple', 'Al|ex Ex^am$ple', ['Al|ex Ex^am$ple']],
      ['Al\\ex Ex?ample', 'Al\\ex Ex?ample', ['Al\\ex Ex?ample']],
      ['Al\\ex Ex?ample', 'Alex Eample', []],
      ['Al{2}ex Example', 'Allex Example', []],
    ])('name %j in %j finds %j', (fullName, text, expected) => {
      expect(matches(text, named(fullName), 'NAME')).toEqual(expected);
    });
  });

  it('finds each mention once, as it appears', () => {
    const text = 'Example, Alex Jordan was born in Leeds. ALEX EXAMPLE moved in 2016; Alex J. Example then moved again.';
    expect(findPersonalData(text, [alex])).toEqual([
      { kind: 'NAME', childIndex: 0, match: 'Example, Alex Jordan' },
      { kind: 'NAME', childIndex: 0, match: 'ALEX EXAMPLE' },
      { kind: 'NAME', childIndex: 0, match: 'Alex J. Example' },
    ]);
  });

  it('takes the longest mention in a run of name parts', () => {
    expect(matches('Example Alex Example', alex, 'NAME')).toEqual(['Example Alex']);
    expect(matches('Alex Alex Example', alex, 'NAME')).toEqual(['Alex Example']);
    expect(matches('Example, Alex Jordan Example, Alex', alex, 'NAME')).toEqual(['Example, Alex Jordan', 'Example, Alex']);
  });
});

describe('findPersonalData: dates of birth', () => {
  const child = bornOn('2014-03-05');

  describe('numeric forms, day first', () => {
    it.each([
      '2014-03-05',
      '2014-3-5',
      '2014/03/05',
      '2014.03.05',
      '2014 03 05',
      '05/03/2014',
      '5/3/2014',
      '05/3/2014',
      '5/03/2014',
      '05-03-2014',
      '5-3-2014',
      '05.03.2014',
      '5.3.2014',
      '05 03 2014',
      '5 3 2014',
      '05  03  2014',
      '05 / 03 / 2014',
      '05/03/14',
      '5/3/14',
      '05-03-14',
      '5.3.14',
      '05 03 14',
      '5\u20133\u20132014',
      '05\uFF0F03\uFF0F2014',
      '\uFF10\uFF15/\uFF10\uFF13/\uFF12\uFF10\uFF11\uFF14',
    ])('finds %j', (text) => {
      expect(matches(text, child, 'DATE_OF_BIRTH')).toEqual([text]);
    });
  });

  describe('day, month name, year', () => {
    it.each([
      '5 March 2014',
      '05 March 2014',
      '5th March 2014',
      '05th March 2014',
      '5th of March 2014',
      '5 of March 2014',
      '5th of March, 2014',
      '5 March, 2014',
      '5 March,2014',
      '5 Mar 2014',
      '05 Mar 2014',
      '5 Mar. 2014',
      '5 march 2014',
      '5 MARCH 2014',
      '5TH MARCH 2014',
      '5th\nMarch\n2014',
      '5-Mar-2014',
      '05-Mar-14',
      '05/Mar/2014',
      '05MAR2014',
      '05MAR14',
      "5 March '14",
      '5 March 14',
      '5\u1D57\u02B0 March 2014',
    ])('finds %j', (text) => {
      expect(matches(text, child, 'DATE_OF_BIRTH')).toEqual([text]);
    });
  });

  describe('month name, day, year', () => {
    it.each([
      'March 5, 2014',
      'March 5 2014',
      'March 05, 2014',
      'March 5th 2014',
      'March 5th, 2014',
      'Mar 5 2014',
      'Mar. 5, 2014',
      'mar 5th, 2014',
      'MARCH 5, 2014',
      'March 5,2014',
      "March 5th, '14",
      'March\n5,\n2014',
    ])('finds %j', (text) => {
      expect(matches(text, child, 'DATE_OF_BIRTH')).toEqual([text]);
    });
  });

  describe('every month name and abbreviation', () => {
    it.each([
      ['2014-01-31', ['31 January 2014', '31 Jan 2014', 'January 31st, 2014', 'Jan. 31 2014']],
      ['2014-02-01', ['1 February 2014', '1st Feb 2014', 'Feb 1, 2014', '1st of February 2014']],
      ['2014-03-22', ['22 March 2014', '22nd Mar 2014', 'March 22nd 2014']],
      ['2014-04-03', ['3 April 2014', '3rd Apr 2014', 'April 3rd, 2014']],
      ['2014-05-04', ['4 May 2014', '4th May 2014', 'May 4, 2014', '04 MAY 2014']],
      ['2014-06-11', ['11 June 2014', '11th Jun 2014', 'June 11, 2014']],
      ['2014-07-12', ['12 July 2014', '12 Jul 2014', 'Jul 12th 2014']],
      ['2014-08-13', ['13 August 2014', '13th Aug 2014', 'August 13 2014']],
      ['2013-09-21', ['21 September 2013', '21 Sept 2013', '21 Sep 2013', '21st Sept. 2013', 'Sept 21, 2013', 'SEPT 21 2013']],
      ['2014-10-30', ['30 October 2014', '30th Oct 2014', 'Oct 30, 2014']],
      ['2014-11-02', ['2 November 2014', '2nd Nov 2014', 'November 2nd, 2014']],
      ['2014-12-25', ['25 December 2014', '25 Dec 2014', 'December 25th 2014', '25/12/14']],
    ])('%s is found as each of %j', (dateOfBirth, texts) => {
      for (const text of texts) {
        expect(matches(text, bornOn(dateOfBirth), 'DATE_OF_BIRTH')).toEqual([text]);
      }
    });
  });

  describe('in running text', () => {
    it.each([
      ['born on 05/03/2014.', '05/03/2014'],
      ['DOB:05/03/2014', '05/03/2014'],
      ['(DOB 5.3.2014)', '5.3.2014'],
      ['born 5 March 2014, in Leeds', '5 March 2014'],
      ['on Wednesday 5th March 2014 the child', '5th March 2014'],
      ['born on the 5th of March 2014', '5th of March 2014'],
      ['between 01/01/2014-05/03/2014', '05/03/2014'],
      ['Date of birth: 2014-03-05T00:00', '2014-03-05'],
    ])('finds the date in %j', (text, expected) => {
      expect(matches(text, child, 'DATE_OF_BIRTH')).toEqual([expected]);
    });
  });

  describe('other dates are not flagged', () => {
    it.each([
      // A different day with the same digits at the edge.
      '15/03/2014',
      '25/3/2014',
      '05/03/2015',
      '5/3/2024',
      '105/03/2014',
      '5/13/2014',
      '05/03/20145',
      '05/03/140',
      '15 March 2014',
      '25th March 2014',
      '5 March 2015',
      '5 March 20145',
      'March 15, 2014',
      'March 25th 2014',
      'March 5, 2015',
      '2014-03-15',
      '2014-03-055',
      '12014-03-05',
      '2014-13-05',
      // 3 May by name is not 5 March.
      '3 May 2014',
      'May 3, 2014',
      '2014-05-03',
      // Another century with the same two-digit year.
      '5/3/1914',
      '5 March 1914',
      // Day and month without a year.
      '5 March',
      'March 5th',
      '05/03',
      // Words that start like a month.
      '5 Marches 2014',
      '5 Marchington 2014',
      '5 Marc 2014',
      // Two-digit year first is not a form we read.
      '14/03/05',
      // Unrelated numbers.
      'phone 0503 2014 0000',
      'reference 2014035',
    ])('does not flag %j', (text) => {
      expect(matches(text, child, 'DATE_OF_BIRTH')).toEqual([]);
    });
  });

  it('reads numeric dates in either order of day and month, so a 3 May birthday is found as 03/05/2014 and as 05/03/2014', () => {
    const mayChild = bornOn('2014-05-03');
    expect(matches('03/05/2014', mayChild, 'DATE_OF_BIRTH')).toEqual(['03/05/2014']);
    expect(matches('05/03/2014', mayChild, 'DATE_OF_BIRTH')).toEqual(['05/03/2014']);
    expect(matches('5/3/14', mayChild, 'DATE_OF_BIRTH')).toEqual(['5/3/14']);
    expect(matches('3 May 2014', mayChild, 'DATE_OF_BIRTH')).toEqual(['3 May 2014']);
    expect(matches('5 March 2014', mayChild, 'DATE_OF_BIRTH')).toEqual([]);
  });

  describe('digits without separators', () => {
    const hartley = bornOn('2019-05-14');
    it.each(['20190514', '14052019', '05142019', 'report-20190514.pdf', 'DOB14052019'])('finds %j', (text) => {
      expect(matches(text, hartley, 'DATE_OF_BIRTH')).toHaveLength(1);
    });
    it.each(['2019514', '201905140', '120190514', '1452019', '20190515'])('does not flag %j', (text) => {
      expect(matches(text, hartley, 'DATE_OF_BIRTH')).toEqual([]);
    });
  });

  describe('the day and the year in words', () => {
    const hartley = bornOn('2019-05-14');
    it.each([
      ['14th May 2019', '14th May 2019'],
      ['May 14, 2019', 'May 14, 2019'],
      ['14.5.2019', '14.5.2019'],
      ['14/05/2019', '14/05/2019'],
      ['2019-05-14', '2019-05-14'],
      ['the fourteenth of May 2019', 'fourteenth of May 2019'],
      ['Fourteenth May 2019', 'Fourteenth May 2019'],
      ['May the fourteenth, 2019', 'May the fourteenth, 2019'],
      ['the fourteenth of May two thousand and nineteen', 'fourteenth of May two thousand and nineteen'],
      ['14 May twenty nineteen', '14 May twenty nineteen'],
      ['May 14th, two thousand nineteen', 'May 14th, two thousand nineteen'],
    ])('finds %j', (text, expected) => {
      expect(matches(text, hartley, 'DATE_OF_BIRTH')).toEqual([expected]);
    });

    it.each([
      ['2014-03-21', 'the twenty-first of March 2014', 'twenty-first of March 2014'],
      ['2014-03-21', 'twenty first March 2014', 'twenty first March 2014'],
      ['2014-03-30', 'the thirtieth of March 2014', 'thirtieth of March 2014'],
      ['2014-03-31', 'March the thirty-first, 2014', 'March the thirty-first, 2014'],
      ['2005-01-09', 'ninth January two thousand and five', 'ninth January two thousand and five'],
      ['2005-01-09', 'ninth January twenty oh five', 'ninth January twenty oh five'],
      ['1999-12-01', 'first of December nineteen ninety-nine', 'first of December nineteen ninety-nine'],
    ])('%s is found in %j', (dateOfBirth, text, expected) => {
      expect(matches(text, bornOn(dateOfBirth), 'DATE_OF_BIRTH')).toEqual([expected]);
    });

    it.each(['the fourth of May 2019', 'the fourteenth of March 2019', 'the fourteenth of May 2018', 'the fourteenth of May', 'the twenty-fourth of May 2019'])(
      'does not flag %j',
      (text) => {
        expect(matches(text, hartley, 'DATE_OF_BIRTH')).toEqual([]);
      },
    );
  });

  it('finds two-digit days and months only with both digits', () => {
    const child = bornOn('2011-12-25');
    expect(matches('25/12/2011', child, 'DATE_OF_BIRTH')).toEqual(['25/12/2011']);
    expect(matches('25/2/2011', child, 'DATE_OF_BIRTH')).toEqual([]);
    expect(matches('5/12/2011', child, 'DATE_OF_BIRTH')).toEqual([]);
  });

  it('finds a two-digit year for births early in a century', () => {
    const child = bornOn('2005-01-09');
    expect(matches('9/1/05', child, 'DATE_OF_BIRTH')).toEqual(['9/1/05']);
    expect(matches('09 Jan 05', child, 'DATE_OF_BIRTH')).toEqual(['09 Jan 05']);
    expect(matches('9/1/5', child, 'DATE_OF_BIRTH')).toEqual([]);
  });

  it('finds a 29 February birthday', () => {
    expect(matches('29/02/2016 and 29 Feb 2016', bornOn('2016-02-29'), 'DATE_OF_BIRTH')).toEqual(['29/02/2016', '29 Feb 2016']);
  });

  it('finds every occurrence', () => {
    expect(matches('05/03/2014, then 5 March 2014, then 2014-03-05', child, 'DATE_OF_BIRTH')).toEqual(['05/03/2014', '5 March 2014', '2014-03-05']);
  });

  it('looks for no date when the date of birth is unknown', () => {
    expect(findPersonalData('05/03/2014', [{ fullName: 'Alex Example', dateOfBirth: null }])).toEqual([]);
  });

  it.each(['2014-02-30', '05/03/2014', '2014-3-5', 'not a date', ''])(
    'refuses to call text clean when the date of birth %j is not a real date',
    (dateOfBirth) => {
      expect(() => findPersonalData('anything', [{ fullName: 'Alex Example', dateOfBirth }])).toThrow(InvalidDateError);
    },
  );
});

describe('findPersonalData: several children', () => {
  const children: ChildIdentityFacts[] = [
    { fullName: 'Alex Jordan Example', dateOfBirth: '2014-03-05' },
    { fullName: 'Sam Example', dateOfBirth: '2016-11-30' },
    { fullName: "Zoë O'Brien", dateOfBirth: '2014-03-05' },
  ];

  it('reports each finding against the right child, in the order they appear', () => {
    const text = [
      'Sam Example (born 30/11/2016) lived with his brother,',
      'Example, Alex Jordan, born 5th March 2014.',
      'A neighbour, ZOË O’Brien, was also seen.',
    ].join('\n');
    expect(findPersonalData(text, children)).toEqual([
      { kind: 'NAME', childIndex: 1, match: 'Sam Example' },
      { kind: 'DATE_OF_BIRTH', childIndex: 1, match: '30/11/2016' },
      { kind: 'NAME', childIndex: 0, match: 'Example, Alex Jordan' },
      { kind: 'DATE_OF_BIRTH', childIndex: 0, match: '5th March 2014' },
      { kind: 'DATE_OF_BIRTH', childIndex: 2, match: '5th March 2014' },
      { kind: 'NAME', childIndex: 2, match: 'ZOË O’Brien' },
    ]);
  });

  it('does not mix the parts of siblings who share a surname', () => {
    expect(findPersonalData('Sam Jordan was seen; Alex Sam visited; Example, Sam.', children).filter((f) => f.kind === 'NAME')).toEqual([
      { kind: 'NAME', childIndex: 1, match: 'Example, Sam' },
    ]);
  });

  it('reports a shared date of birth once per child', () => {
    expect(findPersonalData('DOB 05.03.14', children)).toEqual([
      { kind: 'DATE_OF_BIRTH', childIndex: 0, match: '05.03.14' },
      { kind: 'DATE_OF_BIRTH', childIndex: 2, match: '05.03.14' },
    ]);
  });

  it('finds nothing when there are no children', () => {
    expect(findPersonalData('Alex Example, 05/03/2014', [])).toEqual([]);
  });
});

describe('findPersonalData: clean text', () => {
  const children: ChildIdentityFacts[] = [
    { fullName: 'Alex Jordan Example', dateOfBirth: '2014-03-05' },
    { fullName: 'Sam Example', dateOfBirth: '2016-11-30' },
  ];

  it.each([
    [''],
    ['Child A and Child B lived with their mother (Adult 1) and her partner (Adult 2).'],
    ['Child A was born in spring 2014 and was 7 when the incident occurred on 12 June 2021.'],
    ['The review panel met on 05/04/2022, 2022-03-05 and 5 March 2022.'],
    ['alex, in lower case, is an ordinary word here.'],
    ['Professionals from the Example Trust attended. The annual review took place in March 2014.'],
    ['Section 5.3 of the report; recommendation 14; paragraphs 5, 3 and 2014.'],
  ])('finds nothing in %j', (text) => {
    expect(findPersonalData(text, children)).toEqual([]);
  });
});

describe('findPersonalDataInUrl', () => {
  const jane = { fullName: 'Jane Hartley', dateOfBirth: '2019-05-14' };
  const kinds = (url: string) => [...new Set(findPersonalDataInUrl(url, [jane]).map((f) => f.kind))].sort();

  it.each([
    ['https://example.org/reviews/jane-hartley.pdf', ['NAME']],
    ['https://example.org/reviews/jane_hartley.pdf', ['NAME']],
    ['https://example.org/reviews/Jane%20Hartley.pdf', ['GIVEN_NAME', 'NAME']],
    ['https://example.org/reviews/hartley+jane.pdf', ['NAME']],
    ['https://example.org/reviews/JaneHartley.pdf', ['NAME']],
    ['https://example.org/reviews/Jane-report.pdf', ['GIVEN_NAME']],
    ['https://example.org/reviews/janehartley.pdf', ['NAME']],
    ['https://example.org/reviews/j-hartley.pdf', ['NAME']],
    ['https://example.org/reviews/report-20190514.pdf', ['DATE_OF_BIRTH']],
    ['https://example.org/reviews/report?dob=14-05-2019', ['DATE_OF_BIRTH']],
    ['https://example.org/reviews/report_14_05_2019.pdf', ['DATE_OF_BIRTH']],
  ])('finds personal data in %s', (url, expected) => {
    expect(kinds(url)).toEqual(expected);
  });

  it.each([
    'https://example.org/reviews/leeds-2026-0007.pdf',
    'https://example.org/reviews/child-a-2019.pdf',
    'https://example.org/reviews/a-hartley-family.pdf',
    'https://example.org/%E0%A4%A',
  ])('finds nothing in %s', (url) => {
    expect(findPersonalDataInUrl(url, [jane])).toEqual([]);
  });
});

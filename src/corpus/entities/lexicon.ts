/**
 * Closed-class word lists for the entity recognizer, written by hand. They describe English
 * news prose in general (titles, organization heads, nationality adjectives, function words),
 * never the names of any particular corpus. All entries are folded (lower case, no accents).
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/u));

/** Titles and honorifics: they cue a person and stay outside the span. */
export const TITLES = set(`
  mr mrs ms miss dr prof sir dame lord lady madam mister
  president vice premier chancellor minister secretary senator sen rep representative
  congressman congresswoman governor gov mayor ambassador envoy spokesman spokeswoman spokesperson
  leader chairman chairwoman chair ceo cfo director chief commissioner deputy
  king queen prince princess emperor empress sheikh pope cardinal archbishop bishop reverend rev
  father imam rabbi judge justice attorney prosecutor lawyer sheriff inspector detective
  general gen admiral adm colonel col major maj captain capt lieutenant lt sergeant sgt commander
  marshal brigadier corporal private coach manager striker midfielder defender goalkeeper
  professor fullback winger flanker scrumhalf flyhalf wicketkeeper pitcher catcher shortstop
  outfielder quarterback champion veteran rookie teammate compatriot countryman opener
  defence defense foreign interior finance trade economy prime dictator
  officer official analyst researcher designer head founder owner
`);

/** Portfolio words after "Minister of" / "Secretary of": part of the title, not a name. */
export const PORTFOLIOS = set(`
  foreign affairs defense defence finance state justice interior home health education labor
  labour commerce trade agriculture energy transport environment culture economy industry
  unification national security homeland treasury internal external public works information
`);

/** Second halves of hyphenated words that make the first half a modifier ("Shanghai-based"). */
export const HYPHEN_MODIFIERS = set(`
  based born raised led backed owned run made style era bound funded controlled linked listed
  registered headquartered speaking born made built brokered allied aligned sponsored
`);

/** Lower-case words of multi-word titles ("Minister of Foreign Affairs"): kept with the title. */
export const TITLE_LINKS = set(`of for the and`);

/** Last words that make a span an organization. */
export const ORG_TAILS = set(`
  inc corp corporation co ltd llc plc ag sa nv gmbh bhd group holdings company companies
  party ministry department council agency university college school institute academy
  bank fund exchange association federation union league committee commission board bureau
  office authority administration service services court parliament congress senate assembly
  army navy force forces police guard command corps club fc united city rovers athletic
  times post news journal herald tribune telegraph gazette press daily network radio television tv
  airlines airways motors industries systems technologies foundation trust society organization
  organisation alliance front movement coalition church mission centre center hospital museum
  reserve chiefs cabinet government house
  spa ab asa oyj kk pty limited bancorp securities partners capital associates brothers bros
  communications magazine media films film pictures studios records software networks telecom
  pharmaceuticals entertainment publishing broadcasting insurance investments ventures labs
`);

/** Last words of events, contests and wars: MISC in CoNLL terms, so no entity of ours. */
export const EVENT_TAILS = set(`
  cup series prix open championship championships games olympics tournament trophy war
  festival awards award prize day marathon rally classic masters
`);

/** First words that make a span an organization when followed by "of" ("Bank of Japan"). */
export const ORG_HEADS = set(`
  ministry department university bank council federation association office bureau board
  institute academy church commission committee league union court house
`);

/** Last words that make a span a place ("Yangtze River", "Hubei Province"). */
export const PLACE_TAILS = set(`
  river sea ocean gulf bay strait lake mountain mountains mount mt island islands isle peninsula
  province prefecture county state district region valley desert coast airport square street
  avenue road bridge canal park heights hills falls beach town village city course stadium
  arena circuit racecourse
`);

/** First words that make a span a place when followed by "of" ("Gulf of Tonkin"). */
export const PLACE_HEADS = set(`
  gulf bay sea strait isle island republic kingdom state states cape lake mount province
  city commonwealth
`);

/** Words that make any span a state ("People’s Republic of China"), whatever else it holds. */
export const STATE_WORDS = set(`republic kingdom emirates principality sultanate`);

/** Compass words that join a place or nationality ("North Korea", "South Korean"). */
export const COMPASS = set(`north south east west northern southern eastern western central`);

/**
 * Nationality and group adjectives (and their plurals): MISC in CoNLL terms, never a place.
 * Unknown ones are also caught by suffix in `isDemonym`.
 */
export const DEMONYMS = set(`
  american americans british briton britons english scottish welsh irish french german germans
  italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish
  polish czech slovak hungarian romanian bulgarian greek turkish russian russians ukrainian
  belarusian serbian croatian bosnian albanian chinese japanese korean koreans taiwanese
  vietnamese thai filipino indonesian malaysian singaporean indian pakistani bangladeshi
  afghan iranian iraqi syrian lebanese israeli israelis palestinian palestinians jordanian
  saudi kuwaiti egyptian libyan tunisian algerian moroccan nigerian kenyan ethiopian
  african african-american canadian mexican brazilian argentine argentinian chilean chileans
  colombian peruvian venezuelan cuban australian australians european europeans asian
  arab arabs muslim muslims christian christians jewish jews catholic protestant
  western eastern soviet communist republican republicans democrat democrats
  latin nordic baltic slavic kurdish kurds sunni shiite shia hindu buddhist islamic
`);

/**
 * Words that are capitalized only because they open a sentence or a heading: function words,
 * pronouns, days and months. Never the start of a name.
 */
export const FUNCTION_WORDS = set(`
  a an the this that these those there here it its it's he she they we you i me my our their his her
  in on at of for from to by with without within into onto over under after before since during
  until while when where why how what which who whom whose whether if then than but and or nor
  so yet also as not no yes all any each every both either neither some many much more most
  few other another such one two three four five six seven eight nine ten first second third
  last next is are was were be been being has have had do does did will would can could
  shall should may might must about above across against along among around behind below
  beside between beyond despite down inside near off outside per through throughout toward
  towards upon via like unlike just only even still already again once however meanwhile
  although though because unless instead thus hence therefore indeed perhaps please
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
  today yesterday tomorrow tonight mr mrs ms former top late men women
`);

/** Verbs that follow a person or organization as the subject of a report. */
export const SPEECH_VERBS = set(`
  said says say told tells added added asked asks wrote writes stated announced argued noted
  insisted claimed warned explained believes thinks stressed confirmed denied reported
`);

/** Prepositions that put the next name in a place ("in Pyongyang", "from Moscow"). */
export const PLACE_PREPS = set(`in at near across throughout outside inside`);

/**
 * The major wire services, which news copy cites by bare name ("told Reuters"): a general
 * gazetteer of the domain, like the country list.
 */
export const NEWS_AGENCIES = set(`
  reuters ap afp upi xinhua tass itar-tass interfax ria novosti sputnik yonhap kyodo jiji
  bloomberg dpa ansa efe bernama antara pti kcna cna anadolu irna wafa mena
`);

/** Home nations and regions the country list lacks (it lists the United Kingdom only). */
export const EXTRA_PLACES = set(`england scotland wales ulster`);

/** Words next to a team name in sports copy: a city named there is the team, not the place. */
export const SPORTS_CUES = set(`
  v vs beat beats defeated captain coach manager striker midfielder defender goalkeeper
  batsman bowler skipper
`);

/** Upper-case abbreviations of common things (units, media, titles): never a name. */
export const COMMON_ACRONYMS = set(`
  tv gmt bst est edt pst utc am pm gdp gnp ceo cfo coo cto mp mps dvd cd cds pc pcs ok id it ai
  hiv aids dna gps sms vat ipo ipos pr hr faq vip rip usb lcd hd fm uhf km kg mph ft lb oz
  dj mc cv rpm sos
`);

/** Short upper-case forms that name places rather than organizations. */
export const PLACE_ACRONYMS = set(`us usa uk uae dprk prc roc drc ussr`);

/** Person-name particles that may stay lower-case inside a name ("Ludwig van Beethoven"). */
export const NAME_PARTICLES = set(`van von der den de del della da di du la le bin ibn al el`);

const DEMONYM_SUFFIX = /(?:ian|ean|ese|ish|ians|eans)$/u;

/** True for a nationality-like adjective: listed, or shaped like one and not a known name. */
export function isDemonym(folded: string, knownName: boolean): boolean {
  if (DEMONYMS.has(folded)) return true;
  return !knownName && folded.length > 4 && DEMONYM_SUFFIX.test(folded);
}

/** The states of the US: a closed list the city gazetteer lacks ("Miami, Florida"). */
export const US_STATES = new Set(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
  idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
  minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico
  new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island
  south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia
  wisconsin wyoming`
    .trim()
    .split(/\s+/u)
    .map((s) => s.replace(/_/gu, ' ')),
);

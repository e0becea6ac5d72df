/**
 * Small general word lists for entity extraction: countries, world cities and
 * regions, organizations and media, personal titles, demonyms, given names.
 * Data, not code; matched on case- and diacritic-folded token sequences, except
 * all-capital acronyms ("US", "UN", "AP"), which must match exactly so that the
 * pronoun "us" or "Ap" never becomes an entity.
 */
import { ALIASES, type EntityKind } from './aliases.ts';
import { foldText } from './fold.ts';

const split = (list: string): string[] =>
  list
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export const COUNTRIES = split(`
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|
Chad|Chile|China|Colombia|Comoros|Congo|Democratic Republic of the Congo|Costa Rica|Croatia|Cuba|Cyprus|
Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|
Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|
Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|
Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|
Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Saint Kitts and Nevis|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|
Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|
Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|
Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|Wales|Northern Ireland|Yugoslavia|Soviet Union|USSR|
Greenland|Puerto Rico|Hong Kong|Macau|Gaza|Gaza Strip|West Bank|Chechnya|Abkhazia|Transnistria|Korea`);

export const CITIES = split(`
Moscow|Washington|Kyiv|Kiev|London|Paris|Berlin|Rome|Madrid|Lisbon|Brussels|Geneva|Zurich|Bern|Vienna|Prague|
Warsaw|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Ljubljana|Bratislava|Athens|Istanbul|Ankara|Helsinki|Stockholm|
Oslo|Copenhagen|Reykjavik|Tallinn|Riga|Vilnius|Minsk|Chisinau|Tbilisi|Yerevan|Baku|Astana|Almaty|Tashkent|Bishkek|
Dushanbe|Ashgabat|Beijing|Shanghai|Hong Kong|Tokyo|Osaka|Kyoto|Seoul|Pyongyang|Taipei|Manila|Hanoi|Ho Chi Minh City|
Da Nang|Danang|Bangkok|Jakarta|Kuala Lumpur|Singapore|New Delhi|Delhi|Mumbai|Kolkata|Islamabad|Karachi|Lahore|
Kabul|Tehran|Baghdad|Damascus|Beirut|Amman|Jerusalem|Tel Aviv|Riyadh|Jeddah|Doha|Dubai|Abu Dhabi|Muscat|Kuwait City|
Manama|Cairo|Alexandria|Tripoli|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|Lagos|Abuja|Accra|
Dakar|Johannesburg|Cape Town|Pretoria|Kinshasa|Luanda|New York|New York City|Los Angeles|Chicago|Houston|Miami|
San Francisco|Boston|Seattle|Philadelphia|Atlanta|Dallas|Las Vegas|Detroit|Anchorage|Palm Beach|Mar-a-Lago|Toronto|Ottawa|Montreal|
Vancouver|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Montevideo|Brasilia|Rio de Janeiro|
Sao Paulo|Sydney|Melbourne|Canberra|Wellington|St. Petersburg|Saint Petersburg|Sochi|Kazan|Novosibirsk|
Yekaterinburg|Vladivostok|Kaliningrad|Murmansk|Volgograd|Rostov-on-Don|Kharkiv|Kharkov|Odesa|Odessa|Lviv|Dnipro|
Zaporizhzhia|Mariupol|Donetsk|Luhansk|Kherson|Bakhmut|Avdiivka|Kursk|Belgorod|Sevastopol|Simferopol|Hamburg|
Munich|Frankfurt|Cologne|Bonn|Milan|Naples|Venice|Florence|Barcelona|Valencia|Marseille|Lyon|Nice|Strasbourg|
Amsterdam|The Hague|Rotterdam|Antwerp|Luxembourg|Monaco|Davos|Munich|Dublin|Edinburgh|Manchester|Birmingham|
Glasgow|Belfast|Brdo|Camp David|Minsk|Vatican City|Gdansk|Krakow|Salzburg|Innsbruck|Lausanne|Vilnius|Toronto|
Mecca|Medina|Dhaka|Colombo|Kathmandu|Ulaanbaatar|Phnom Penh|Yangon|Naypyidaw|Vientiane|Ramallah|Haifa|Aleppo|
Homs|Idlib|Mosul|Basra|Erbil|Sanaa|Aden|Benghazi|Mogadishu|Kigali|Kampala|Dar es Salaam|Harare|Lusaka|Maputo`);

/** Regions, seas and other named geography that are neither countries nor cities. */
export const REGIONS = split(`
Europe|Asia|Africa|North America|South America|Latin America|Antarctica|Arctic|Oceania|Middle East|Near East|
Far East|Eastern Europe|Western Europe|Central Asia|South Asia|Southeast Asia|East Asia|Balkans|Baltics|Caucasus|
Scandinavia|Siberia|Crimea|Donbas|Donbass|Kursk Region|Kursk Oblast|Belgorod Region|Zaporizhzhia Oblast|Kherson Oblast|Black Sea|Baltic Sea|
Mediterranean|Mediterranean Sea|Red Sea|Caspian Sea|Sea of Azov|Kerch Strait|Strait of Hormuz|Persian Gulf|
Gulf of Mexico|Pacific|Pacific Ocean|Atlantic|Atlantic Ocean|Indian Ocean|Indo-Pacific|Korean Peninsula|Alaska|
California|Texas|Florida|Kremlin Palace|Sinai|Golan Heights|Kashmir|Tibet|Xinjiang|Bavaria|Silicon Valley|
Northern Europe|Southern Europe|Horn of Africa|Sahel`);

export const ORGANIZATIONS = split(`
Kremlin|White House|TASS|RIA Novosti|Interfax|Sputnik|RT|Russia Today|Reuters|Thomson Reuters|Associated Press|AP|AFP|
Agence France-Presse|Bloomberg|BBC|CNN|CBS|NBC|ABC|ABC News|CBS News|NBC News|CBC News|Fox News|MSNBC|Al Jazeera|
Axios|Politico|New York Times|The New York Times|Washington Post|The Washington Post|Wall Street Journal|
The Wall Street Journal|Financial Times|The Guardian|Guardian|The Times|The Economist|Der Spiegel|Le Monde|
Süddeutsche Zeitung|Handelsblatt|Kommersant|Izvestia|Pravda|Xinhua|Ukrinform|Ukrainska Pravda|Kyiv Independent|
Fars|IRNA|Anadolu|Yonhap|Kyodo|NATO|EU|European Union|European Commission|European Parliament|European Council|
Council of Europe|UN|United Nations|UN Security Council|Security Council|UN General Assembly|OSCE|IAEA|WHO|
World Health Organization|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|OPEC|OPEC+|G20|G7|
G8|APEC|BRICS|ASEAN|SCO|Shanghai Cooperation Organisation|African Union|Arab League|CIA|FBI|NSA|KGB|FSB|SVR|GRU|
Pentagon|State Department|Department of State|Defense Department|Department of Defense|Justice Department|
Department of Justice|Treasury|Treasury Department|Congress|Senate|House of Representatives|Supreme Court|
Verkhovna Rada|State Duma|Duma|Federation Council|Bundestag|Knesset|Hamas|Hezbollah|Taliban|Wagner|Wagner Group|
IDF|Moscow Exchange|MOEX|RTS Index|Truth Social|X|Twitter|Facebook|Meta|Google|Microsoft|Apple|Amazon|Tesla|
SpaceX|Telegram|Gazprom|Rosneft|Lukoil|Rosatom|Naftogaz|Atlantic Council|European External Action Service|
Democratic Party|Republican Party|Democrats|Republicans|United Russia|Nobel Committee|World Economic Forum|
International Criminal Court|ICC|Red Cross|International Committee of the Red Cross|Amnesty International|
Human Rights Watch|Kremlin press service|Oval Office`);

/**
 * Personal titles and roles, lowercase, matched before a name (inside a capitalized
 * run, "Kremlin Spokesman Dmitry Peskov", or just before it, "spokesperson Dmitry Peskov").
 */
export const TITLES = split(`
president|president-elect|vice president|prime minister|premier|deputy prime minister|chancellor|minister|
foreign minister|defense minister|defence minister|finance minister|interior minister|deputy foreign minister|
secretary|secretary of state|secretary of defense|secretary of defence|secretary-general|secretary general|
state secretary|press secretary|spokesman|spokeswoman|spokesperson|envoy|special envoy|special representative|
representative|ambassador|aide|presidential aide|adviser|advisor|national security adviser|national security advisor|
security adviser|security advisor|chief of staff|deputy chief of staff|chief justice|justice|judge|district judge|
federal judge|king|queen|prince|crown prince|princess|emir|sheikh|sultan|pope|patriarch|senator|sen.|gov.|governor|
rep.|congressman|congresswoman|mayor|mr.|mrs.|ms.|dr.|prof.|professor|gen.|general|lt.|col.|colonel|admiral|
commander|marshal|director|deputy director|head|chief|chairman|chairwoman|chair|ceo|founder|leader|counterpart|
colleague|lawyer|attorney|attorney general|speaker|lawmaker|mp|official|diplomat|negotiator|commissioner|
high representative|foreign policy chief|analyst|fellow|senior fellow|journalist|correspondent|editor|reporter|
anchor|host|economist|historian|executive director|opposition leader|tsar|czar|dictator|strongman|businessman|
billionaire|tycoon|former president|ex-president|incumbent`);

/** Nationality and group adjectives: never a person or place on their own. */
export const DEMONYMS = split(`
American|Russian|Ukrainian|Belarusian|European|Western|Eastern|Northern|Southern|Soviet|British|English|French|
German|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|
Serbian|Croatian|Greek|Turkish|Finnish|Swedish|Norwegian|Danish|Icelandic|Estonian|Latvian|Lithuanian|Georgian|
Armenian|Azerbaijani|Kazakh|Uzbek|Chinese|Japanese|Korean|Vietnamese|Thai|Indian|Pakistani|Afghan|Iranian|Iraqi|
Syrian|Lebanese|Israeli|Palestinian|Jordanian|Saudi|Emirati|Qatari|Egyptian|Libyan|Turkmen|Canadian|Mexican|
Brazilian|Argentine|Venezuelan|Cuban|Australian|Arab|Jewish|Muslim|Christian|Catholic|Orthodox|Kurdish|Chechen|
Crimean|Presidential|Federal|National|Royal|Republican|Democratic|Democrat|Atlantic|Asian|African|Scottish|Irish|
Welsh|Moldovan|Yugoslav|Slovenian|Bosnian|Albanian|Macedonian|Montenegrin|Cypriot|Maltese|Nordic|Baltic`);

/** Words that end an organization name: "Atlantic Council", "Russian Foreign Ministry". */
export const ORG_HEADS = split(`
Ministry|Department|Council|Association|Academy|University|College|Institute|Agency|Commission|Committee|
Service|Services|Party|Bank|Fund|Exchange|Foundation|Forum|Parliament|Assembly|Congress|Court|Tribunal|Guard|
Army|Navy|Forces|Police|Corporation|Company|Group|Organization|Organisation|Union|Alliance|Coalition|Bureau|
Authority|Directorate|Administration|Inc.|Ltd.|LLC|Corp.|Index|Network|Channel|Airlines|Center|Centre|School|Times|Post|Journal|Herald|News`);

/** Words that end a place name: "Kursk Region", "Kerch Strait". */
export const PLACE_HEADS = split(`
Region|Oblast|Province|Krai|Republic|Territory|County|District|Strait|Sea|Ocean|Peninsula|Island|Islands|River|
Gulf|Bay|Lake|Mountains|Valley|Desert|Canal|Coast|Plateau|Basin|City|Airport|Square|Street|Avenue|Palace|Castle`);

/** Month and day names: capitalized, but never part of a person's name. */
export const MONTHS_AND_DAYS = split(`
January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|
Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight|Yesterday|Tomorrow`);

/** Capitalized words that never start or join a name (function words, headline words). */
export const NON_NAME_WORDS = split(`
The|A|An|This|That|These|Those|It|Its|He|She|His|Her|Hers|They|Their|Them|We|Our|You|Your|I|My|Me|Us|On|In|At|
By|For|From|To|Of|With|Without|And|But|Or|Nor|So|Yet|If|When|While|After|Before|During|Since|Until|As|Although|
Though|Because|However|Meanwhile|Nevertheless|Nonetheless|Subsequently|Afterward|Afterwards|According|Both|Each|
Every|Any|All|Some|Many|Most|No|Not|Yes|Here|There|What|Which|Who|Whom|Whose|Why|How|Where|Also|Still|Then|Now|
Later|Earlier|Even|Only|Just|Instead|Upon|Within|Between|Among|Against|About|Over|Under|Into|Onto|Off|Out|Up|
Down|Despite|Following|Including|Read|More|Related|Articles|Comments|Summary|Hashtags|Photo|File|Image|Video|
Watch|Listen|Share|Updated|Breaking|Live|Infobox|Size|Country|Date|Participants|Follows|Precedes|See|Also|
Background|Consequences|Responses|Domestic|International|Meetings|Telephone|Conversations|Course|Conversation|
Later|Calls|Factbox|FACTBOX|Media|Analysis|Standards|Our|Contact|Mr|Mrs|Ms|Dr|St|God|Covid|COVID|Internet|
Pool|Handout|Getty|Images|Staff|Via|Courtesy`);

/**
 * Common given names (international, with the usual romanizations). A two-word
 * capitalized run led by one of these is taken as a person without asking compromise.
 */
export const GIVEN_NAMES = split(`
Aaron|Abdul|Abdullah|Adam|Adrian|Ahmad|Ahmed|Aidan|Alan|Albert|Alejandro|Aleksandr|Aleksandra|Aleksei|Aleksey|
Alex|Alexander|Alexandra|Alexei|Alexey|Ali|Alice|Alicia|Alina|Alison|Amanda|Amir|Amy|Ana|Anastasia|Anatoly|Andrea|
Andrei|Andrew|Andrey|Andrii|Andriy|Angela|Ann|Anna|Anne|Anthony|Anton|Antonio|Antony|Arkady|Arseniy|Arthur|Artem|
Ashley|Barack|Barbara|Bashar|Ben|Benjamin|Bernie|Beth|Betty|Bill|Bob|Boris|Brad|Brian|Bryan|Carl|Carlos|Carol|
Caroline|Catherine|Charles|Charlie|Chris|Christian|Christina|Christine|Christopher|Chuck|Claire|Claudia|Colin|
Daniel|Daria|Darya|Daryl|David|Denis|Dennis|Diana|Dmitri|Dmitriy|Dmitro|Dmitry|Dmytro|Donald|Doug|Douglas|
Edward|Elena|Elizabeth|Ellen|Elon|Emily|Emma|Emmanuel|Eric|Erik|Evgeny|Fatima|Fedor|Fyodor|Francis|
Francisco|Francois|François|Frank|Friedrich|Gary|Gennady|George|Georgy|Gerhard|Giorgia|Gleb|Grace|Greg|Gregory|
Hakan|Hamid|Hans|Harry|Hassan|Heather|Helen|Henry|Hillary|Hugo|Hunter|Hussein|Ian|Igor|Ihor|Ilya|Irina|Isaac|
Ivan|Jack|Jacob|Jake|James|Jan|Jane|Janet|Jared|Jason|Javier|Jean|Jeff|Jeffrey|Jennifer|Jens|Jeremy|Jerome|
Jessica|Jill|Jim|Jimmy|Joe|Johann|John|Jon|Jonathan|Jorge|Jose|Joseph|Josh|Joshua|Juan|Julia|Julian|Julie|
Justin|Kamala|Karen|Karin|Karl|Kate|Katherine|Kathleen|Kay|Keir|Keith|Kelly|Ken|Kenneth|Kevin|Kim|Kirill|
Klaus|Konstantin|Kristi|Kylie|Larry|Laura|Lauren|Lee|Leonid|Lindsey|Linda|Lisa|Liz|Lloyd|Louis|Luis|Lyudmila|
Marc|Marco|Margaret|Maria|Marie|Marina|Mark|Marcos|Martin|Mary|Matt|Matthew|Maxim|Maksim|Mehmet|Melania|Michael|
Michel|Michelle|Mike|Mikhail|Mitch|Mohammad|Mohammed|Muhammad|Nancy|Naftali|Natalia|Natalya|Nathan|Neil|Nicholas|
Nick|Nicolas|Nikita|Nikolai|Nikolay|Nina|Oleg|Oleksandr|Oleksii|Oleksiy|Olena|Olga|Olaf|Oliver|Omar|Pamela|Pat|
Patrick|Paul|Pavel|Pedro|Pete|Peter|Petr|Petro|Philip|Phillip|Pyotr|Rachel|Ralph|Ramzan|Raymond|Rebecca|
Recep|Rex|Richard|Rick|Robert|Roberto|Roman|Ron|Ronald|Rose|Ruslan|Russell|Ruth|Ryan|Salman|Sam|Samuel|Sara|
Sarah|Scott|Sean|Sebastian|Serhiy|Sergei|Sergey|Sergiy|Shinzo|Simon|Sophie|Stanislav|Stephen|Steve|Steven|Stuart|
Susan|Svetlana|Taras|Tatiana|Tatyana|Ted|Theresa|Thomas|Tim|Timothy|Tom|Tony|Tulsi|Ulrich|Ursula|Valentina|
Valery|Vanessa|Vasily|Viktor|Victor|Victoria|Vitali|Vitaly|Vladimir|Vladislav|Volodymyr|Vyacheslav|Walter|
Wang|Wayne|William|Xavier|Yana|Yaroslav|Yevgeny|Yevgeniy|Yulia|Yuliya|Yuri|Yuriy|Yury|Zachary|Zoe|Angela|Olaf|
Boris|Rishi|Narendra|Shehbaz|Imran|Mahmoud|Abbas|Ebrahim|Masoud|Hossein|Javad|Abbas|Tayyip|Jair|Luiz|Inacio|
Gustavo|Claudia|Javier|Andres|Mario|Matteo|Giuseppe|Silvio|Viktor|Robert|Alexis|Kyriakos|Pedro|Mette|Ulf|Magnus|
Sauli|Sanna|Petteri|Kaja|Kaja|Ingrida|Gitanas|Edgars|Krisjanis|Andrzej|Donald|Mateusz|Radoslaw`);

export interface GazetteerHit {
  kind: EntityKind;
  canonical: string;
  /** Number of tokens the entry spans. */
  length: number;
}

/** Key of a token sequence: folded words joined by spaces ("u.s.", "white house"). */
export function phraseKey(words: readonly string[]): string {
  return foldText(words.join(' '));
}

const isAcronym = (s: string): boolean => /^[A-Z0-9.+&-]+$/.test(s) && /[A-Z]/.test(s);

interface Entry {
  kind: EntityKind;
  canonical: string;
  /** For acronyms: the exact surface required (case-sensitive). */
  exact: string | null;
}

/** phrase key → entry; phrase keys never contain tokens that the tokenizer splits off. */
const ENTRIES = new Map<string, Entry[]>();
let maxPhraseTokens = 1;

function add(surface: string, kind: EntityKind, canonical: string): void {
  const words = surface.split(/\s+/);
  maxPhraseTokens = Math.max(maxPhraseTokens, words.length);
  const key = phraseKey(words);
  const list = ENTRIES.get(key) ?? [];
  if (!list.some((e) => e.exact === (isAcronym(surface) ? surface : null) && e.kind === kind)) {
    list.push({ kind, canonical, exact: isAcronym(surface) ? surface : null });
  }
  ENTRIES.set(key, list);
}

// Alias table first so its canonical forms win; lists fill in the rest.
for (const entry of ALIASES) {
  if (entry.kind === 'person') continue;
  for (const form of [entry.canonical, ...entry.variants]) add(form.replace(/^the /, ''), entry.kind, entry.canonical);
}
const canonicalOf = (name: string): string => {
  const hit = ENTRIES.get(phraseKey(name.split(/\s+/)))?.find((e) => e.exact === null || e.exact === name);
  return hit?.canonical ?? name.replace(/^The /, '');
};
for (const name of [...COUNTRIES, ...CITIES, ...REGIONS]) add(name, 'place', canonicalOf(name));
for (const name of ORGANIZATIONS) add(name, 'organization', canonicalOf(name));

export const MAX_PHRASE_TOKENS = maxPhraseTokens;
/**
 * First words of the phrase keys: a phrase key is its words' folded forms joined by
 * spaces, so a token whose folded form is not among these starts no phrase.
 */
export const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set([...ENTRIES.keys()].map((key) => key.split(' ')[0]!));

/** Look up a phrase given its surface words (as written). */
export function lookupPhrase(words: readonly string[]): GazetteerHit | undefined {
  const list = ENTRIES.get(phraseKey(words));
  if (!list) return undefined;
  const surface = words.join(' ');
  const entry = list.find((e) => e.exact === null || e.exact === surface);
  return entry ? { kind: entry.kind, canonical: entry.canonical, length: words.length } : undefined;
}

const lowerSet = (list: readonly string[]): ReadonlySet<string> => new Set(list.map((s) => foldText(s)));

export const TITLE_SET = lowerSet(TITLES);
export const MAX_TITLE_TOKENS = Math.max(...TITLES.map((t) => t.split(' ').length));
/** First and last words of the titles (folded): no title starts or ends on any other word. */
export const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set([...TITLE_SET].map((t) => t.split(' ')[0]!));
export const TITLE_LAST_WORDS: ReadonlySet<string> = new Set([...TITLE_SET].map((t) => t.split(' ').pop()!));
export const DEMONYM_SET = lowerSet(DEMONYMS);
export const ORG_HEAD_SET = lowerSet(ORG_HEADS);
export const PLACE_HEAD_SET = lowerSet(PLACE_HEADS);
export const MONTH_DAY_SET = lowerSet(MONTHS_AND_DAYS);
export const NON_NAME_SET = lowerSet(NON_NAME_WORDS);
export const GIVEN_NAME_SET = lowerSet(GIVEN_NAMES);
